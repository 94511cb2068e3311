/**
 * `claimtrail speakers [--outlet X] [--from D] [--to D] [--by outlet|month|year]`: who is quoted most.
 * A quote repeated by many outlets (wire copy) counts once in `statements`; `appearances` counts them all.
 */
import type { Command } from 'commander'
import { renderList, type Column } from '../../search/export.js'
import { FilterError, parseCount, parseFilters, parseFormat } from '../../search/filters.js'
import { resolveDb, withStore } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import type { SpeakerRow, SpeakersQuery } from '../../store/types.js'
import { cliErrors } from './search.js'
import { storeOptions } from '../options.js'

interface SpeakersOptions {
  db?: string
  entity?: string
  outlet?: string
  from?: string
  to?: string
  mode?: string
  by?: string
  limit?: string
  format: string
}

const COLUMNS: Column<SpeakerRow>[] = [
  { header: 'speaker', value: (r) => r.name, width: 32 },
  { header: 'group', value: (r) => r.group ?? null },
  { header: 'statements', value: (r) => r.statements, align: 'right' },
  { header: 'appearances', value: (r) => r.appearances, align: 'right' },
  { header: 'documents', value: (r) => r.documents, align: 'right' },
  { header: 'outlets', value: (r) => r.outlets, align: 'right' },
  { header: 'first', value: (r) => r.first },
  { header: 'last', value: (r) => r.last },
  { header: 'key', value: (r) => r.key },
]

export function registerSpeakers(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('speakers')
      .description('who is quoted most in the corpus, overall or by outlet, month or year'),
    ['outlet', 'from', 'to', 'mode', 'entity'],
  )
    .option('--by <group>', 'break counts down by outlet, month or year')
    .option('--limit <n>', 'speakers to show', '20')
    .option('--format <format>', 'table, json, csv or jsonl', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail speakers --from 2022-01-01 --by month\n  claimtrail speakers --outlet IRNA --format csv',
    )
    .action(async (opts: SpeakersOptions) => {
      await cliErrors(async () => {
        const format = parseFormat(opts.format)
        const { speaker: _ignored, ...filters } = parseFilters(opts)
        const query: SpeakersQuery = filters
        if (opts.by !== undefined) {
          if (opts.by !== 'outlet' && opts.by !== 'month' && opts.by !== 'year') {
            throw new FilterError(`--by must be outlet, month or year, got "${opts.by}"`)
          }
          query.by = opts.by
        }
        const limit = parseCount('limit', opts.limit, 1)
        if (limit !== undefined) query.limit = limit
        const rows = await withStore(resolveDb(opts.db), (store) => store.speakers(query), CLI_STORE_OPTIONS)
        const cols = query.by ? COLUMNS : COLUMNS.filter((c) => c.header !== 'group')
        process.stdout.write(
          format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : renderList(rows, cols, format),
        )
      })
      setExit(0)
    })
}
