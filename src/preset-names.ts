/**
 * The names of the pipeline presets, apart from the stages they hold: the CLI checks `--preset` against
 * them without loading every stage and model (presets.ts checks that both lists agree).
 */
export const PRESET_NAMES = ['full', 'fast'] as const
export type PresetName = (typeof PRESET_NAMES)[number]
