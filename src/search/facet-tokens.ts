/**
 * Facet tokens: a row's outlet, date and speaker written as words into a column of its own in the
 * SQLite text indexes (`facets`, migration 008), so that FTS5 answers a text query with those filters
 * by intersecting posting lists instead of probing every text match against the filters' rows.
 *
 * A row gets `o<outlet id>`, `o<outlet id>y<year>`, `y<year>`, `m<year><month>` and, for a statement,
 * `s<speaker id>` (ids from `facet_ids`). Tokens end in a digit, so the porter stemmer leaves them
 * whole.
 *
 * The tokens of a query only narrow the matches to a superset of what the filters select (a date
 * range is widened to whole months or years): the filters' own SQL conditions still decide, so a text
 * that happens to hold such a word adds a candidate, never a wrong hit. The other way round, a user's
 * word spelled like a token must not find rows by their facets: such a query is confined to the text
 * columns ({@link mayMatchFacets}). Only then: a column filter makes FTS5 read the positions of every
 * match, which for a word in most documents cost 10–25 ms more on a million articles.
 *
 * Why outlet × year tokens: bm25 counts every row of every phrase in the query to weigh it, so a
 * facet phrase costs its whole posting list. An outlet's statements over all years can be a fifth of
 * the corpus; its statements in one year are a twentieth of that.
 */
import type { ParsedQuery } from './query.js'

/** The facet ids of a row: `null` where the row has no outlet, date or speaker. */
export interface RowFacets {
  outletId: number | null
  /** `YYYY-MM-DD`, or a longer ISO date; only the year and month are read. */
  published: string | null
  speakerId?: number | null
}

/**
 * The facet column of a row.
 *
 * @example facetColumn({ outletId: 7, published: '2018-03-02', speakerId: 12 }) // 'o7 o7y2018 y2018 m201803 s12'
 */
export function facetColumn({ outletId, published, speakerId }: RowFacets): string {
  const tokens: string[] = []
  const date = published !== null ? DATE.exec(published) : null
  const year = date?.[1]
  if (outletId !== null) {
    tokens.push(`o${outletId}`)
    if (year) tokens.push(`o${outletId}y${year}`)
  }
  if (year) tokens.push(`y${year}`, `m${year}${date?.[2] ?? ''}`)
  if (speakerId !== null && speakerId !== undefined) tokens.push(`s${speakerId}`)
  return tokens.join(' ')
}

const DATE = /^(\d{4})-(\d{2})/

/** Filters as facet ids: an outlet id, speaker ids (any of them), and a date range. */
export interface FacetFilter {
  outletId?: number
  speakerIds?: number[]
  from?: string
  to?: string
}

/** At most this many month tokens stand for a date range; a longer one is read as years. */
const MAX_MONTHS = 3
/**
 * At most this many outlet × year tokens, or year tokens without an outlet: a longer range adds no date
 * tokens (the SQL condition decides). A year alone stands for a twentieth of a 20-year corpus, and bm25
 * reads the whole posting list of each token in the query.
 */
const MAX_YEARS = 10
const MAX_BARE_YEARS = 2

/**
 * An FTS5 expression of facet tokens that every row the filters select matches, or null
 * when the filters give it nothing to narrow by (no outlet, no speaker, an open or long date range).
 *
 * @example facetMatch({ outletId: 7, from: '2015-01-01', to: '2016-12-31' }) // '(o7y2015 OR o7y2016)'
 */
export function facetMatch(f: FacetFilter): string | null {
  const parts: string[] = []
  if (f.speakerIds) parts.push(any(f.speakerIds.map((id) => `s${id}`)))
  const range = dateRange(f.from, f.to)
  if (range && range.months.length <= MAX_MONTHS) {
    // One or a few months: month tokens, and the outlet × year token when there is an outlet.
    parts.push(any(range.months.map((m) => `m${m}`)))
    if (f.outletId !== undefined) parts.push(any(range.years.map((y) => `o${f.outletId}y${y}`)))
  } else if (range && f.outletId !== undefined && range.years.length <= MAX_YEARS) {
    parts.push(any(range.years.map((y) => `o${f.outletId}y${y}`)))
  } else if (range && f.outletId === undefined && range.years.length <= MAX_BARE_YEARS) {
    parts.push(any(range.years.map((y) => `y${y}`)))
  } else if (f.outletId !== undefined) parts.push(`o${f.outletId}`)
  return parts.length ? parts.join(' AND ') : null
}

/** A word the tokenizer would index as a facet token (lower-cased, diacritics removed, as FTS5 does). */
const FACET_WORD = /^(?:o\d+(?:y\d{4})?|y\d{4}|m\d{6}|s\d+)$/

/**
 * Whether a query holds a word that could match a facet token, and so must be kept to the text columns.
 *
 * @example mayMatchFacets(parseQuery('Y2K o7y2018')) // true
 */
export function mayMatchFacets(query: ParsedQuery): boolean {
  return [...query.groups.flat(), ...query.excluded].some((term) =>
    term.text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/\s+/)
      .some((word) => FACET_WORD.test(word)),
  )
}

const any = (tokens: string[]): string =>
  tokens.length === 1 ? (tokens[0] as string) : `(${tokens.join(' OR ')})`

/** The years (`YYYY`) and months (`YYYYMM`) a closed date range touches; null for an open range. */
function dateRange(
  from: string | undefined,
  to: string | undefined,
): { years: string[]; months: string[] } | null {
  const a = from !== undefined ? DATE.exec(from) : null
  const b = to !== undefined ? DATE.exec(to) : null
  if (!a || !b) return null
  const [y0, m0, y1, m1] = [Number(a[1]), Number(a[2]), Number(b[1]), Number(b[2])]
  const years: string[] = []
  for (let y = y0; y <= y1; y++) years.push(String(y))
  const months: string[] = []
  for (let k = y0 * 12 + m0 - 1; k <= y1 * 12 + m1 - 1 && months.length <= MAX_MONTHS; k++) {
    months.push(`${Math.floor(k / 12)}${String((k % 12) + 1).padStart(2, '0')}`)
  }
  return { years, months }
}
