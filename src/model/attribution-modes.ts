/**
 * How an attribution renders what was said, apart from the layer schemas (zod), so a command that only
 * checks a `--mode` value does not load them.
 */
export const ATTRIBUTION_MODES = ['direct', 'indirect', 'mixed'] as const
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number]
