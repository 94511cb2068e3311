/**
 * The search query language, shared by every backend: words, "quoted phrases", -excluded words and
 * OR between alternatives — the syntax of PostgreSQL's `websearch_to_tsquery`, so both stores read a
 * query the same way. SQLite gets it translated into an FTS5 MATCH expression.
 */

export interface QueryTerm {
  text: string
  phrase: boolean
  negated: boolean
}

/** A parsed query: groups joined by AND; the terms inside a group are alternatives (OR). */
export interface ParsedQuery {
  groups: QueryTerm[][]
  excluded: QueryTerm[]
}

const TOKEN = /-?"[^"]*"?|\S+/g
const WORD_CHARS = /[\p{L}\p{N}]+/gu

/**
 * Parses a query string.
 *
 * @example parseQuery('zionist "west bank" -gaza OR hezbollah')
 */
export function parseQuery(query: string): ParsedQuery {
  const groups: QueryTerm[][] = []
  const excluded: QueryTerm[] = []
  let joinNext = false
  for (const raw of query.match(TOKEN) ?? []) {
    if (raw === 'OR') {
      joinNext = groups.length > 0
      continue
    }
    const negated = raw.startsWith('-')
    const body = negated ? raw.slice(1) : raw
    const phrase = body.startsWith('"')
    const words = body.match(WORD_CHARS) ?? []
    if (!words.length) continue
    const term: QueryTerm = { text: words.join(' '), phrase: phrase || words.length > 1, negated }
    if (negated) {
      excluded.push(term)
      joinNext = false
      continue
    }
    const last = groups[groups.length - 1]
    if (joinNext && last) last.push(term)
    else groups.push([term])
    joinNext = false
  }
  return { groups, excluded }
}

/** True when the query has at least one positive term (a query of exclusions alone matches nothing). */
export function hasTerms(query: ParsedQuery): boolean {
  return query.groups.length > 0
}

/**
 * The FTS5 MATCH expression of a parsed query: every term double-quoted (FTS5 syntax in user input
 * is never interpreted), groups ANDed, alternatives ORed, exclusions with NOT.
 *
 * @example toFts5(parseQuery('west bank -gaza')) // '"west" AND "bank" NOT "gaza"'
 */
export function toFts5(query: ParsedQuery): string {
  const quote = (t: QueryTerm): string => `"${t.text.replace(/"/g, '""')}"`
  const positive = query.groups
    .map((group) =>
      group.length === 1 ? quote(group[0] as QueryTerm) : `(${group.map(quote).join(' OR ')})`,
    )
    .join(' AND ')
  if (!query.excluded.length) return positive
  return `${positive} NOT (${query.excluded.map(quote).join(' OR ')})`
}

/**
 * The query text re-serialised for `websearch_to_tsquery`, with only characters it reads as words.
 *
 * @example toWebsearch(parseQuery('west bank -gaza')) // 'west bank -gaza'
 */
export function toWebsearch(query: ParsedQuery): string {
  const term = (t: QueryTerm): string => `${t.negated ? '-' : ''}${t.phrase ? `"${t.text}"` : t.text}`
  return [...query.groups.map((g) => g.map(term).join(' OR ')), ...query.excluded.map(term)].join(' ')
}
