/**
 * The SQL of search, facets and speaker views, written once for both stores. Statements use `?`
 * placeholders (the PostgreSQL store numbers them); the two dialects differ only in how text is matched
 * and ranked, which each store passes in as a `TextMatch`.
 */
import type { AttributionMode } from '../model/layers.js'

/** Filters with names already resolved to canonical keys. */
export interface ResolvedFilters {
  speakerKeys?: string[]
  entityKeys?: string[]
  outlet?: string
  from?: string
  to?: string
  mode?: AttributionMode
}

/**
 * How a dialect matches and ranks text: a FROM fragment that brings in the searched table (as `s` for
 * statements, `d` for documents), a WHERE condition and a score expression (higher is better). `params`
 * are bound in text order: those of `from` (or `probe`), then those of `where`.
 */
export interface TextMatch {
  /** FROM where the text index drives: its matches are read and each is joined to its row. */
  from: string
  where: string
  score: string
  params: unknown[]
  /** The match's id in storage order (the FTS rowid in SQLite): the window reads the newest first. */
  order: string
  /**
   * The filters may be given as the set of ids they select, checked against `order` before a match is
   * joined to its row (SQLite): the cheaper plan when they select fewer rows than the text matches,
   * since neither a row lookup nor an FTS seek is then paid per candidate. Absent: the database plans.
   */
  semiJoin?: boolean
  /** FROM and WHERE that find matches without joining the table (SQLite: the FTS index alone). */
  alone?: string
}

export interface Sql {
  sql: string
  params: unknown[]
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ')

/**
 * The speaker, outlet and date conditions of a table that carries those columns itself (statements
 * `s`, techniques `t`, claims `c`), appended to `where` and `params`.
 */
function voiceConditions(
  alias: 's' | 't' | 'c',
  f: ResolvedFilters,
  where: string[],
  params: unknown[],
): void {
  if (f.speakerKeys) {
    where.push(
      f.speakerKeys.length ? `${alias}.speaker_key IN (${placeholders(f.speakerKeys.length)})` : '1 = 0',
    )
    params.push(...f.speakerKeys)
  }
  if (f.outlet !== undefined) {
    where.push(`${alias}.outlet = ?`)
    params.push(f.outlet)
  }
  if (f.from !== undefined) {
    where.push(`${alias}.published >= ?`)
    params.push(f.from)
  }
  if (f.to !== undefined) {
    where.push(`${alias}.published <= ?`)
    params.push(f.to)
  }
}

/**
 * How an entity filter is checked: `set` builds the ids about the entities once (the cheaper way when
 * many rows are checked, or the filter drives), `row` seeks the entity table for each row checked (the
 * cheaper way for a sample of rows: an entity in 27,710 statements took ~20 ms to gather as a set).
 */
export type EntityCheck = 'set' | 'row'

/** WHERE conditions for statements (alias `s`). */
export function statementConditions(f: ResolvedFilters, entityCheck: EntityCheck = 'set'): Sql {
  const where: string[] = []
  const params: unknown[] = []
  voiceConditions('s', f, where, params)
  if (f.entityKeys) {
    const keys = placeholders(f.entityKeys.length)
    where.push(
      !f.entityKeys.length
        ? '1 = 0'
        : entityCheck === 'row'
          ? `EXISTS (SELECT 1 FROM statement_entities e WHERE e.entity_key IN (${keys}) AND e.statement_id = s.id)`
          : `s.id IN (SELECT statement_id FROM statement_entities WHERE entity_key IN (${keys}))`,
    )
    params.push(...f.entityKeys)
  }
  if (f.mode !== undefined) {
    where.push('s.mode = ?')
    params.push(f.mode)
  }
  return { sql: where.join(' AND '), params }
}

/** WHERE conditions for documents (alias `d`): speaker and mode select documents holding such statements. */
export function documentConditions(f: ResolvedFilters, entityCheck: EntityCheck = 'set'): Sql {
  const where: string[] = []
  const params: unknown[] = []
  const statement: string[] = []
  if (f.speakerKeys) {
    statement.push(f.speakerKeys.length ? `speaker_key IN (${placeholders(f.speakerKeys.length)})` : '1 = 0')
    params.push(...f.speakerKeys)
  }
  if (f.mode !== undefined) {
    statement.push('mode = ?')
    params.push(f.mode)
  }
  if (statement.length) where.push(`d.id IN (SELECT doc_id FROM statements WHERE ${statement.join(' AND ')})`)
  if (f.entityKeys) {
    const keys = placeholders(f.entityKeys.length)
    where.push(
      !f.entityKeys.length
        ? '1 = 0'
        : entityCheck === 'row'
          ? `EXISTS (SELECT 1 FROM document_entities e WHERE e.entity_key IN (${keys}) AND e.doc_id = d.id)`
          : `d.id IN (SELECT doc_id FROM document_entities WHERE entity_key IN (${keys}))`,
    )
    params.push(...f.entityKeys)
  }
  if (f.outlet !== undefined) {
    where.push('d.outlet = ?')
    params.push(f.outlet)
  }
  if (f.from !== undefined) {
    where.push('d.published >= ?')
    params.push(f.from)
  }
  if (f.to !== undefined) {
    where.push('d.published <= ?')
    params.push(f.to)
  }
  return { sql: where.join(' AND '), params }
}

const and = (...parts: string[]): string => {
  const kept = parts.filter(Boolean)
  return kept.length ? `WHERE ${kept.join(' AND ')}` : ''
}

export const STATEMENT_COLUMNS =
  's.id, s.doc_id, s.attribution, s.mode, s.speaker_key, s.speaker_name, s.source, s.cue, s.content, ' +
  's.content_start, s.content_end, s.published, s.outlet, s.quote_key, s.near_dup_of, d.title, d.url'

export const DOCUMENT_COLUMNS = 'd.id, d.title, d.outlet, d.published, d.url, d.statements, d.near_dup_of'

/** Which side of a text query with filters reads first: the text index, or the filters' indexes. */
export type Driver = 'text' | 'filters'

/** One search's window: which matches it reads and how its hits are ordered. */
export interface Window {
  /** The newest matches considered at most: facets count them, ranking orders them. */
  size: number
  limit: number
  offset: number
  driver: Driver
}

/** The score column of facet rows: typed, so PostgreSQL can unite them with the hit rows. */
const NO_SCORE = 'CAST(NULL AS real)'

/** FROM, WHERE, params and newest-first order of the matches of a search over `table`. */
function matches(
  table: 'statements' | 'documents',
  match: TextMatch | null,
  cond: Sql,
  f: ResolvedFilters,
  driver: Driver,
): { from: string; where: string; params: unknown[]; order: string } {
  const alias = table === 'statements' ? 's' : 'd'
  if (!match) return { from: `${table} ${alias}`, where: and(cond.sql), params: cond.params, order: '' }
  return {
    from: match.from,
    where: and(match.where, semiJoin(table, match, cond, f, driver) ?? cond.sql),
    params: [...match.params, ...cond.params],
    order: `${match.order} DESC`,
  }
}

/** The entity keys when an entity is the only filter, else null. */
function entityKeysAlone(f: ResolvedFilters): string[] | null {
  return f.entityKeys?.length && Object.keys(f).every((k) => k === 'entityKeys') ? f.entityKeys : null
}

/**
 * The ids the filters select, as SQL with the filters' params: for an entity filter alone, straight
 * from the entity table (no row of the searched table is read); otherwise from the searched table.
 */
function idSet(table: 'statements' | 'documents', cond: Sql, f: ResolvedFilters): string {
  const keys = entityKeysAlone(f)
  if (keys) {
    return table === 'statements'
      ? `SELECT statement_id FROM statement_entities WHERE entity_key IN (${placeholders(keys.length)})`
      : `SELECT doc_id FROM document_entities WHERE entity_key IN (${placeholders(keys.length)})`
  }
  const alias = table === 'statements' ? 's' : 'd'
  return `SELECT ${alias}.id FROM ${table} ${alias} WHERE ${cond.sql}`
}

/**
 * For one entity key alone, the newest ids about it straight from the entity table's date index
 * (migration 007), in the window's order (date, then id, descending), with the key as the one param:
 * no row is read to learn its date. Null for any other filters (several keys could list an id twice).
 */
function newestAboutEntity(table: 'statements' | 'documents', f: ResolvedFilters): string | null {
  if (entityKeysAlone(f)?.length !== 1) return null
  return table === 'statements'
    ? 'SELECT statement_id FROM statement_entities WHERE entity_key = ? ORDER BY published DESC, statement_id DESC'
    : 'SELECT doc_id FROM document_entities WHERE entity_key = ? ORDER BY published DESC, doc_id DESC'
}

/**
 * The filters as a condition on the text index's own id (see `TextMatch.semiJoin`), or null when the
 * text leads. The unary + keeps the FTS index from taking the id list as a constraint (a seek per id).
 */
function semiJoin(
  table: 'statements' | 'documents',
  match: TextMatch,
  cond: Sql,
  f: ResolvedFilters,
  driver: Driver,
): string | null {
  if (driver !== 'filters' || !match.semiJoin || !cond.sql) return null
  return `+${match.order} IN (${idSet(table, cond, f)})`
}

/**
 * One pass over the window of a search — the newest `window.size` matches (text queries) or the
 * newest by date (filters alone) — that yields the facet counts of the window, its size (`total`
 * rows) and the page of hits in ranked order (`hit` rows: id and score). Ranking and facets cost the
 * window, not every match: a word in a million statements costs what a word in a few thousand does.
 */
function windowSql(
  table: 'statements' | 'documents',
  match: TextMatch | null,
  f: ResolvedFilters,
  columns: string,
  facets: [name: string, expression: string][],
  window: Window,
): Sql {
  const alias = table === 'statements' ? 's' : 'd'
  const cond = table === 'statements' ? statementConditions(f) : documentConditions(f)
  const m = matches(table, match, cond, f, window.driver)
  // Filters alone: the window's ids are chosen first, from the index that gives the date order where
  // there is one, so the other columns are read for the window only, not for every match sorted.
  const newest =
    newestAboutEntity(table, f) ??
    `SELECT ${alias}.id FROM ${table} ${alias} ${m.where} ORDER BY ${alias}.published DESC, ${alias}.id DESC`
  const from = match
    ? `${m.from} ${m.where} ORDER BY ${m.order}`
    : `${table} ${alias} WHERE ${alias}.id IN (${newest} LIMIT ?)`
  const hitOrder = match ? 'score DESC, id' : 'published DESC, id DESC'
  const facetArms = facets.map(
    ([name, expr]) =>
      `UNION ALL SELECT '${name}', ${expr}, count(*), ${NO_SCORE} FROM m WHERE ${expr} IS NOT NULL GROUP BY ${expr} `,
  )
  return {
    sql:
      `WITH m AS MATERIALIZED (SELECT ${alias}.id AS id, ${columns}, ${match ? match.score : '0'} AS score ` +
      `FROM ${from} LIMIT ?) ` +
      `SELECT 'total' AS facet, NULL AS value, count(*) AS n, ${NO_SCORE} AS score FROM m ${facetArms.join('')}` +
      `UNION ALL SELECT 'hit', CAST(id AS text), NULL, score FROM (SELECT id, score, published FROM m ` +
      `ORDER BY ${hitOrder} LIMIT ? OFFSET ?) AS h`,
    params: [...m.params, ...(match ? [] : [window.size]), window.size, window.limit, window.offset],
  }
}

/** The window of a statement search (see `windowSql`): speaker, outlet, mode and year facets. */
export function statementWindowSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  year: string,
  window: Window,
): Sql {
  return windowSql(
    'statements',
    match,
    f,
    's.speaker_key, s.outlet, s.mode, s.published',
    [
      ['speaker', 'speaker_key'],
      ['outlet', 'outlet'],
      ['mode', 'mode'],
      ['year', year],
    ],
    window,
  )
}

/** The window of a document search (see `windowSql`): outlet and year facets. */
export function documentWindowSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  year: string,
  window: Window,
): Sql {
  return windowSql(
    'documents',
    match,
    f,
    'd.outlet, d.published',
    [
      ['outlet', 'outlet'],
      ['year', year],
    ],
    window,
  )
}

/** The rows of the given statement ids (a page of hits), in no particular order. */
export function statementRowsSql(ids: number[]): Sql {
  return {
    sql: `SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.id IN (${placeholders(ids.length)})`,
    params: ids,
  }
}

/** The rows of the given document ids (a page of hits), in no particular order. */
export function documentRowsSql(ids: number[]): Sql {
  return {
    sql: `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id IN (${placeholders(ids.length)})`,
    params: ids,
  }
}

/**
 * Of the newest `size` text matches, how many the filters keep (`n`): a cheap estimate of how often
 * the filters pass, which tells whether letting the text lead will fill the window soon.
 */
export function keptSampleSql(
  target: 'statements' | 'documents',
  match: TextMatch,
  f: ResolvedFilters,
  size: number,
): Sql {
  // The sample checks 1,000 rows: each is looked up in the entity table rather than the set gathered.
  const cond = target === 'statements' ? statementConditions(f, 'row') : documentConditions(f, 'row')
  return {
    sql:
      `SELECT count(*) AS n FROM (SELECT (${cond.sql}) AS kept FROM ${match.from} WHERE ${match.where} ` +
      `ORDER BY ${match.order} DESC LIMIT ?) AS x WHERE kept`,
    params: [...cond.params, ...match.params, size],
  }
}

/**
 * The number of matches, counting at most `cap` (the count is exact when it comes out below `cap`).
 * With `match` null and filters only it counts what the filters select: the size that picks the driver.
 */
export function countSql(
  target: 'statements' | 'documents',
  match: TextMatch | null,
  f: ResolvedFilters,
  cap: number,
  driver: Driver = 'text',
): Sql {
  const cond = target === 'statements' ? statementConditions(f) : documentConditions(f)
  // What the filters select, from their own index (or the entity table): the size that picks the driver.
  if (!match && cond.sql)
    return {
      sql: `SELECT count(*) AS n FROM (${idSet(target, cond, f)} LIMIT ?) AS c`,
      params: [...cond.params, cap],
    }
  // The text index alone answers when the filters are none, or an id set: no row is joined.
  const ids = match ? semiJoin(target, match, cond, f, driver) : null
  if (match?.alone && (!cond.sql || ids))
    return {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${match.alone}${ids ? ` AND ${ids}` : ''} LIMIT ?) AS c`,
      params: [...match.params, ...(ids ? cond.params : []), cap],
    }
  const m = matches(target, match, cond, f, driver)
  return {
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${m.from} ${m.where} LIMIT ?) AS c`,
    params: [...m.params, cap],
  }
}

/** Speakers ranked by distinct statements (a wire-copied quote counts once). */
export function speakersSql(f: ResolvedFilters, limit: number): Sql {
  const cond = statementConditions(f)
  return {
    sql:
      'SELECT s.speaker_key AS key, count(DISTINCT s.quote_key) AS statements, count(*) AS appearances, ' +
      'count(DISTINCT s.doc_id) AS documents, count(DISTINCT s.outlet) AS outlets, ' +
      `min(s.published) AS first, max(s.published) AS last FROM statements s ${and('s.speaker_key IS NOT NULL', cond.sql)} ` +
      'GROUP BY s.speaker_key ORDER BY statements DESC, appearances DESC, s.speaker_key LIMIT ?',
    params: [...cond.params, limit],
  }
}

/** The same counts broken down by a group expression, for the given speakers. */
export function speakerBreakdownSql(f: ResolvedFilters, keys: string[], group: string): Sql {
  const cond = statementConditions({ ...f, speakerKeys: keys })
  return {
    sql:
      `SELECT s.speaker_key AS key, ${group} AS grp, count(DISTINCT s.quote_key) AS statements, count(*) AS appearances, ` +
      'count(DISTINCT s.doc_id) AS documents, count(DISTINCT s.outlet) AS outlets, ' +
      `min(s.published) AS first, max(s.published) AS last FROM statements s ${and(cond.sql)} ` +
      `GROUP BY s.speaker_key, ${group} ORDER BY s.speaker_key, statements DESC, grp`,
    params: cond.params,
  }
}

/** Every statement of the given speakers, oldest first (undated last). */
export function speakerStatementsSql(f: ResolvedFilters): Sql {
  const cond = statementConditions(f)
  return {
    sql:
      `SELECT ${STATEMENT_COLUMNS}, 0 AS score FROM statements s JOIN documents d ON d.id = s.doc_id ${and(cond.sql)} ` +
      'ORDER BY s.published IS NULL, s.published, s.doc_id, s.content_start, s.id',
    params: cond.params,
  }
}

/** The voice column of `techniques` and the condition that selects that voice's uses. */
const VOICES = {
  speaker: { column: 't.speaker_key', where: 't.speaker_key IS NOT NULL' },
  // The outlet's own voice: spans outside every attributed statement (the partial index's condition).
  outlet: { column: 't.outlet', where: 't.statement_id IS NULL AND t.outlet IS NOT NULL' },
} as const

/** WHERE conditions for techniques (alias `t`): the voice, and the speaker, outlet and date filters. */
function techniqueConditions(voice: 'speaker' | 'outlet', f: ResolvedFilters): Sql {
  const where: string[] = [VOICES[voice].where]
  const params: unknown[] = []
  voiceConditions('t', f, where, params)
  return { sql: where.join(' AND '), params }
}

/** The voices (speaker keys or outlets) with most technique uses. */
export function techniqueVoicesSql(voice: 'speaker' | 'outlet', f: ResolvedFilters, limit: number): Sql {
  const cond = techniqueConditions(voice, f)
  const column = VOICES[voice].column
  return {
    sql:
      `SELECT ${column} AS voice, count(*) AS uses FROM techniques t WHERE ${cond.sql} ` +
      `GROUP BY ${column} ORDER BY uses DESC, voice LIMIT ?`,
    params: [...cond.params, limit],
  }
}

/**
 * Uses per technique of the given voices (`voices`: speaker keys or outlets), one row per voice and
 * technique, or per technique over all of them (`perVoice` false: a speaker known under several keys).
 */
export function techniqueCountsSql(
  voice: 'speaker' | 'outlet',
  f: ResolvedFilters,
  voices: string[],
  perVoice: boolean,
): Sql {
  const cond = techniqueConditions(voice, f)
  const column = VOICES[voice].column
  const group = perVoice ? `${column}, t.technique` : 't.technique'
  const quotes = voice === 'speaker' ? 'count(DISTINCT t.quote_key)' : '0'
  return {
    sql:
      `SELECT ${perVoice ? column : 'NULL'} AS voice, t.technique, count(*) AS uses, count(DISTINCT t.doc_id) AS documents, ` +
      `${quotes} AS quotes FROM techniques t WHERE ${cond.sql} AND ${column} IN (${placeholders(voices.length)}) ` +
      `GROUP BY ${group} ORDER BY uses DESC, t.technique`,
    params: [...cond.params, ...voices],
  }
}

/**
 * Most check-worthy first, ties newest first, undated last: the order of the claims indexes
 * (migration 006), so a query without a date range reads its page in index order.
 */
const CLAIM_ORDER = 'c.checkworthiness DESC, c.published DESC NULLS LAST, c.id DESC'

/**
 * A page of claims in rank order, with their document and, when attributed, their statement. `text` is
 * the dialect's condition on the claim's text (or null). The page's ids are chosen on the claims
 * table alone (its indexes hold the filter and order columns); documents and statements are read for
 * the page only.
 */
export function claimsSql(
  f: ResolvedFilters,
  text: Sql | null,
  minCheckworthiness: number | undefined,
  limit: number,
  offset: number,
): Sql {
  const where: string[] = []
  const params: unknown[] = []
  if (text) {
    where.push(text.sql)
    params.push(...text.params)
  }
  voiceConditions('c', f, where, params)
  if (minCheckworthiness !== undefined) {
    where.push('c.checkworthiness >= ?')
    params.push(minCheckworthiness)
  }
  return {
    sql:
      'SELECT c.id, c.doc_id, c.claim_id, c.span_start, c.span_end, c.text, c.checkworthiness, c.speaker_key, ' +
      'c.outlet, c.published, s.attribution, s.source, s.speaker_name, d.title, d.url, d.near_dup_of ' +
      'FROM claims c JOIN documents d ON d.id = c.doc_id LEFT JOIN statements s ON s.id = c.statement_id ' +
      `WHERE c.id IN (SELECT c.id FROM claims c ${and(...where)} ORDER BY ${CLAIM_ORDER} LIMIT ? OFFSET ?) ` +
      `ORDER BY ${CLAIM_ORDER}`,
    params: [...params, limit, offset],
  }
}

/** Numbers `?` placeholders as `$1, $2…` for PostgreSQL (our SQL has no `?` anywhere else). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
