/**
 * `claimtrail techniques [--by speaker|outlet] [filters] [--format …]`: persuasion techniques per voice
 * across the corpus — inside each speaker's attributed statements, or in each outlet's own voice
 * (spans outside every attribution). One row per voice and technique, voices with most uses first.
 */
import type { Command } from 'commander'
import { renderList, type Column } from '../../search/export.js'
import { FilterError, parseCount, parseFilters, parseFormat } from '../../search/filters.js'
import { resolveDb, withStore } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import type { TechniqueCount, TechniqueProfile, TechniquesQuery } from '../../store/types.js'
import { cliErrors } from './search.js'
import { storeOptions } from '../options.js'

interface TechniquesOptions {
  db?: string
  by: string
  speaker?: string
  outlet?: string
  from?: string
  to?: string
  limit?: string
  format: string
}

/** One voice's count of one technique: the rows of every list format. */
export interface TechniqueUse extends TechniqueCount {
  voice: string
  key: string
}

const columns = (by: 'speaker' | 'outlet'): Column<TechniqueUse>[] => [
  { header: by, value: (r) => r.voice, width: 32 },
  { header: 'technique', value: (r) => r.technique },
  { header: 'uses', value: (r) => r.uses, align: 'right' },
  { header: 'documents', value: (r) => r.documents, align: 'right' },
  // Outlets speak in their own voice: no quotes to count.
  ...(by === 'speaker'
    ? [{ header: 'quotes', value: (r: TechniqueUse) => r.quotes, align: 'right' as const }]
    : []),
  ...(by === 'speaker' ? [{ header: 'key', value: (r: TechniqueUse) => r.key }] : []),
]

/** The flat rows of technique profiles (one per voice and technique). */
export function techniqueUses(profiles: TechniqueProfile[]): TechniqueUse[] {
  return profiles.flatMap((p) => p.techniques.map((t) => ({ voice: p.name, key: p.key, ...t })))
}

export function registerTechniques(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('techniques')
      .description('persuasion techniques per speaker (in their quotes) or per outlet (in its own voice)'),
    [],
  )
    .option('--by <voice>', 'speaker or outlet', 'speaker')
    .option('--speaker <name>', 'only this speaker (any name variant)')
    .option('--outlet <name>', 'only this outlet')
    .option('--from <YYYY-MM-DD>', 'published on or after')
    .option('--to <YYYY-MM-DD>', 'published on or before')
    .option('--limit <n>', 'voices to show', '20')
    .option('--format <format>', 'table, json, csv or jsonl', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail techniques --by speaker --from 2022-01-01\n  claimtrail techniques --by outlet --format csv',
    )
    .action(async (opts: TechniquesOptions) => {
      await cliErrors(async () => {
        const format = parseFormat(opts.format)
        if (opts.by !== 'speaker' && opts.by !== 'outlet')
          throw new FilterError(`--by must be speaker or outlet, got "${opts.by}"`)
        const { mode: _mode, entity: _entity, ...filters } = parseFilters(opts)
        const query: TechniquesQuery = { ...filters, by: opts.by }
        const limit = parseCount('limit', opts.limit, 1)
        if (limit !== undefined) query.limit = limit
        const profiles = await withStore(
          resolveDb(opts.db),
          (store) => store.techniques(query),
          CLI_STORE_OPTIONS,
        )
        process.stdout.write(
          format === 'json'
            ? `${JSON.stringify(profiles, null, 2)}\n`
            : renderList(techniqueUses(profiles), columns(opts.by), format),
        )
      })
      setExit(0)
    })
}
