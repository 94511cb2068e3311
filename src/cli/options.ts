/**
 * Options that several commands share, declared once so that their spelling and help text cannot drift
 * apart between `search`, `speakers`, `speaker`, `techniques`, `claims`, `ingest`, `worker` and `serve`.
 */
import type { Command } from 'commander'
import { PRESET_NAMES, type PresetName } from '../preset-names.js'
import { UsageError } from './errors.js'

const DB_HELP = 'SQLite file or postgres:// URL (default: $CLAIMTRAIL_DB or ./claimtrail.db)'

/** The corpus filters, by the name each takes on the command line. */
const FILTERS = {
  speaker: ['--speaker <name>', 'statements by this speaker (any name variant; a surname is enough)'],
  entity: ['--entity <name>', 'statements (documents) that mention this entity'],
  outlet: ['--outlet <name>', 'only this outlet'],
  from: ['--from <YYYY-MM-DD>', 'published on or after'],
  to: ['--to <YYYY-MM-DD>', 'published on or before'],
  mode: ['--mode <mode>', 'direct, indirect or mixed'],
} as const satisfies Record<string, readonly [string, string]>

export type FilterName = keyof typeof FILTERS

/**
 * Adds `--db` (with its help text, or `dbHelp` where a command takes only one kind of store) and the
 * named corpus filters, in the order given.
 */
export function storeOptions(command: Command, filters: FilterName[] = [], dbHelp = DB_HELP): Command {
  command.option('--db <db>', dbHelp)
  for (const name of filters) {
    const [flags, help] = FILTERS[name]
    command.option(flags, help)
  }
  return command
}

/** Adds `--preset` and `--threads`: the commands that run the analysis pipeline on a pool. */
export function analysisOptions(command: Command): Command {
  return command
    .option('--preset <name>', `pipeline preset (${PRESET_NAMES.join(', ')})`, 'full')
    .option('--threads <n>', 'analysis threads (default: every core)')
}

/** The `--preset` value checked against the known presets. */
export function parsePreset(value: string): PresetName {
  if (!(PRESET_NAMES as readonly string[]).includes(value)) {
    throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')}, got "${value}"`)
  }
  return value as PresetName
}
