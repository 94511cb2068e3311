/**
 * `claimtrail claims [QUERY] [filters] [--min 0.7] [--format …]`: the corpus's check-worthy claims,
 * most check-worthy first (ties newest first), each with its speaker when it is an attributed
 * statement, or none for the outlet's own voice. The score ranks claims worth a fact-checker's time;
 * it says nothing about whether a claim is true.
 */
import type { Command } from 'commander'
import { renderList, type Column } from '../../search/export.js'
import { parseCount, parseFilters, parseFormat, parseFraction } from '../../search/filters.js'
import { resolveDb, withStore } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import type { ClaimHit, ClaimsQuery } from '../../store/types.js'
import { cliErrors } from './search.js'
import { storeOptions } from '../options.js'

interface ClaimsOptions {
  db?: string
  speaker?: string
  outlet?: string
  from?: string
  to?: string
  min?: string
  limit?: string
  offset?: string
  format: string
}

export const CLAIM_COLUMNS: Column<ClaimHit>[] = [
  { header: 'score', value: (h) => h.checkworthiness.toFixed(3), align: 'right' },
  { header: 'date', value: (h) => h.published },
  { header: 'outlet', value: (h) => h.outlet, width: 18 },
  {
    header: 'speaker',
    // Unattributed: the outlet says it in its own voice. Attributed without a resolved speaker: the source.
    value: (h) =>
      h.speaker?.name ?? (h.source ? `${h.source} (unresolved)` : h.attributionId ? null : '(outlet)'),
    width: 24,
  },
  { header: 'claim', value: (h) => h.text, width: 90 },
  { header: 'offsets', value: (h) => `${h.start}-${h.end}` },
  { header: 'doc', value: (h) => h.documentId, align: 'right' },
  { header: 'copy_of', value: (h) => h.nearDuplicateOf },
  { header: 'url', value: (h) => h.url },
]

export function registerClaims(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('claims')
      .description('check-worthy claims in the corpus, most check-worthy first, by speaker or outlet')
      .argument('[query]', 'words in the claim, "a phrase", -excluded, a OR b; leave out for all claims', ''),
    ['speaker', 'outlet', 'from', 'to'],
  )
    .option('--min <score>', 'only claims with check-worthiness at least this (0 to 1)')
    .option('--limit <n>', 'claims to show', '20')
    .option('--offset <n>', 'claims to skip (paging)')
    .option('--format <format>', 'table, json, csv or jsonl', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail claims asylum --from 2015-09-01 --to 2015-09-30 --min 0.7\n' +
        '  claimtrail claims --speaker Salami --format csv > claims.csv',
    )
    .action(async (text: string, opts: ClaimsOptions) => {
      await cliErrors(async () => {
        const format = parseFormat(opts.format)
        const query: ClaimsQuery = { ...parseFilters(opts), text }
        const min = parseFraction('min', opts.min)
        const limit = parseCount('limit', opts.limit, 1)
        const offset = parseCount('offset', opts.offset)
        if (min !== undefined) query.minCheckworthiness = min
        if (limit !== undefined) query.limit = limit
        if (offset !== undefined) query.offset = offset
        const hits = await withStore(resolveDb(opts.db), (store) => store.claims(query), CLI_STORE_OPTIONS)
        process.stdout.write(
          format === 'json' ? `${JSON.stringify(hits, null, 2)}\n` : renderList(hits, CLAIM_COLUMNS, format),
        )
      })
      setExit(0)
    })
}
