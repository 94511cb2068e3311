/**
 * `claimtrail search "text query" [filters] [--in statements|documents] [--format table|json|csv|jsonl]`:
 * ranked hits over the corpus, with facet counts (speaker, outlet, mode, year).
 */
import type { Command } from 'commander'
import { renderList, type Column } from '../../search/export.js'
import { FilterError, parseCount, parseFilters, parseFormat } from '../../search/filters.js'
import { resolveDb, withStore } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import { StoreError } from '../../store/rows.js'
import type { DocumentHit, Facets, SearchQuery, SearchResult, StatementHit } from '../../store/types.js'
import { InputError, UsageError } from '../errors.js'
import { storeOptions } from '../options.js'

interface SearchOptions {
  db?: string
  speaker?: string
  entity?: string
  outlet?: string
  from?: string
  to?: string
  mode?: string
  in: string
  limit?: string
  offset?: string
  format: string
}

export const STATEMENT_COLUMNS: Column<StatementHit>[] = [
  { header: 'score', value: (h) => h.score.toFixed(3), align: 'right' },
  { header: 'date', value: (h) => h.published },
  { header: 'outlet', value: (h) => h.outlet, width: 18 },
  {
    header: 'speaker',
    value: (h) => h.speaker?.name ?? (h.source ? `${h.source} (unresolved)` : null),
    width: 24,
  },
  { header: 'mode', value: (h) => h.mode },
  { header: 'content', value: (h) => h.content, width: 90 },
  { header: 'offsets', value: (h) => `${h.contentStart}-${h.contentEnd}` },
  { header: 'doc', value: (h) => h.documentId, align: 'right' },
  { header: 'copy_of', value: (h) => h.nearDuplicateOf },
  { header: 'url', value: (h) => h.url },
]

const DOCUMENT_COLUMNS: Column<DocumentHit>[] = [
  { header: 'score', value: (h) => h.score.toFixed(3), align: 'right' },
  { header: 'date', value: (h) => h.published },
  { header: 'outlet', value: (h) => h.outlet, width: 18 },
  { header: 'title', value: (h) => h.title, width: 70 },
  { header: 'statements', value: (h) => h.statements, align: 'right' },
  { header: 'doc', value: (h) => h.documentId, align: 'right' },
  { header: 'copy_of', value: (h) => h.nearDuplicateOf },
  { header: 'url', value: (h) => h.url },
]

function renderFacets(facets: Facets): string {
  const lines: string[] = []
  for (const [name, values] of Object.entries(facets) as [keyof Facets, Facets[keyof Facets]][]) {
    if (!values.length) continue
    lines.push(
      `${name}: ${values
        .slice(0, 8)
        .map((v) => `${v.label ?? v.value} (${v.count})`)
        .join(', ')}`,
    )
  }
  return lines.join('\n')
}

/** The search result in the chosen format (json: the whole result; lists: the hits). */
export function renderSearch(
  result: SearchResult,
  format: string,
  target: 'statements' | 'documents',
): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`
  const list =
    target === 'documents'
      ? renderList(result.hits as DocumentHit[], DOCUMENT_COLUMNS, format as 'table' | 'csv' | 'jsonl')
      : renderList(result.hits as StatementHit[], STATEMENT_COLUMNS, format as 'table' | 'csv' | 'jsonl')
  if (format !== 'table') return list
  const sampled =
    result.facetsOver < result.total
      ? `(ranked and counted in facets: the newest ${result.facetsOver} matches)\n`
      : ''
  const facets = `${sampled}${renderFacets(result.facets)}`
  const total = `${result.total}${result.totalExact ? '' : '+'}`
  return `${total} match${result.total === 1 ? '' : 'es'}${result.hits.length < result.total ? `, showing ${result.hits.length}` : ''}\n${facets ? `${facets}\n` : ''}\n${list}`
}

/** Turns filter and store errors into the CLI's exit codes: 2 for a bad flag, 1 for a bad database. */
export async function cliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message)
    if (error instanceof StoreError) throw new InputError(error.message)
    throw error
  }
}

export function registerSearch(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('search')
      .description(
        'search the stored corpus: attributed statements (default) or documents, ranked, with facets',
      )
      .argument('[query]', 'words, "a phrase", -excluded, a OR b; leave out to list by filters only', ''),
    ['speaker', 'entity', 'outlet', 'from', 'to', 'mode'],
  )
    .option('--in <target>', 'statements or documents', 'statements')
    .option('--limit <n>', 'hits to show', '20')
    .option('--offset <n>', 'hits to skip (paging)')
    .option('--format <format>', 'table, json (with facets), csv or jsonl', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail search "West Bank" --speaker Salami --from 2022-09-01\n' +
        '  claimtrail search "ceasefire" --in documents --outlet Reuters --format csv > hits.csv',
    )
    .action(async (query: string, opts: SearchOptions) => {
      await cliErrors(async () => {
        const format = parseFormat(opts.format)
        if (opts.in !== 'statements' && opts.in !== 'documents') {
          throw new FilterError(`--in must be statements or documents, got "${opts.in}"`)
        }
        const search: SearchQuery = { ...parseFilters(opts), text: query, target: opts.in }
        const limit = parseCount('limit', opts.limit, 1)
        const offset = parseCount('offset', opts.offset)
        if (limit !== undefined) search.limit = limit
        if (offset !== undefined) search.offset = offset
        const result = await withStore(resolveDb(opts.db), (store) => store.search(search), CLI_STORE_OPTIONS)
        process.stdout.write(renderSearch(result, format, opts.in as 'statements' | 'documents'))
      })
      setExit(0)
    })
}
