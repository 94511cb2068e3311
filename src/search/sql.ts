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
 * are bound in text order: those of `from`, then those of `where`.
 */
export interface TextMatch {
  from: string
  where: string
  score: string
  params: unknown[]
  /** FROM and WHERE that find matches without joining the table (SQLite: the FTS index alone). */
  alone?: string
  /** The score expression inside `alone` (SQLite: `-rank`). */
  aloneScore?: string
}

export interface Sql {
  sql: string
  params: unknown[]
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ')

/**
 * The speaker, outlet and date conditions of a table that carries those columns itself (statements
 * `s`, techniques `t`), appended to `where` and `params`.
 */
function voiceConditions(alias: 's' | 't', f: ResolvedFilters, where: string[], params: unknown[]): void {
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

/** WHERE conditions for statements (alias `s`). */
export function statementConditions(f: ResolvedFilters): Sql {
  const where: string[] = []
  const params: unknown[] = []
  voiceConditions('s', f, where, params)
  if (f.entityKeys) {
    where.push(
      f.entityKeys.length
        ? `s.id IN (SELECT statement_id FROM statement_entities WHERE entity_key IN (${placeholders(f.entityKeys.length)}))`
        : '1 = 0',
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
export function documentConditions(f: ResolvedFilters): Sql {
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
    where.push(
      f.entityKeys.length
        ? `d.id IN (SELECT doc_id FROM document_entities WHERE entity_key IN (${placeholders(f.entityKeys.length)}))`
        : '1 = 0',
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

/**
 * The page of statement hits, best first (by score when there is a text query, else newest first).
 */
export function statementHitsSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  limit: number,
  offset: number,
): Sql {
  const cond = statementConditions(f)
  if (match?.alone && match.aloneScore && !cond.sql) {
    // Text alone: rank on the index, then join only the page (not every match) to its rows.
    return {
      sql:
        `SELECT ${STATEMENT_COLUMNS}, f.score AS score FROM (SELECT rowid AS id, ${match.aloneScore} AS score ` +
        `FROM ${match.alone} ORDER BY score DESC, id LIMIT ? OFFSET ?) AS f ` +
        'JOIN statements s ON s.id = f.id JOIN documents d ON d.id = s.doc_id ORDER BY score DESC, s.id',
      params: [...match.params, limit, offset],
    }
  }
  const from = match ? match.from : 'statements s'
  const score = match ? match.score : '0'
  const matchWhere = match ? match.where : ''
  return {
    sql:
      `SELECT ${STATEMENT_COLUMNS}, ${score} AS score FROM ${from} JOIN documents d ON d.id = s.doc_id ` +
      `${and(matchWhere, cond.sql)} ORDER BY ${match ? 'score DESC, s.id' : 's.published DESC, s.id'} LIMIT ? OFFSET ?`,
    params: [...(match?.params ?? []), ...cond.params, limit, offset],
  }
}

/**
 * Facet counts over the first `cap` matches, in one pass over a materialised CTE; `total` is the
 * number of matches counted (equal to `cap` when there may be more).
 */
export function statementFacetsSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  year: string,
  cap: number,
): Sql {
  const cond = statementConditions(f)
  const from = match ? match.from : 'statements s'
  const matchWhere = match ? match.where : ''
  return {
    sql:
      `WITH m AS MATERIALIZED (SELECT s.speaker_key, s.outlet, s.mode, s.published FROM ${from} ` +
      `${and(matchWhere, cond.sql)} LIMIT ?) ` +
      `SELECT 'total' AS facet, NULL AS value, count(*) AS n FROM m ` +
      `UNION ALL SELECT 'speaker', speaker_key, count(*) FROM m WHERE speaker_key IS NOT NULL GROUP BY speaker_key ` +
      `UNION ALL SELECT 'outlet', outlet, count(*) FROM m WHERE outlet IS NOT NULL GROUP BY outlet ` +
      `UNION ALL SELECT 'mode', mode, count(*) FROM m GROUP BY mode ` +
      `UNION ALL SELECT 'year', ${year}, count(*) FROM m WHERE published IS NOT NULL GROUP BY ${year}`,
    params: [...(match?.params ?? []), ...cond.params, cap],
  }
}

/** The exact number of matches (run only when the facet pass hit its cap). */
export function countSql(
  target: 'statements' | 'documents',
  match: TextMatch | null,
  f: ResolvedFilters,
): Sql {
  const cond = target === 'statements' ? statementConditions(f) : documentConditions(f)
  if (match?.alone && !cond.sql)
    return { sql: `SELECT count(*) AS n FROM ${match.alone}`, params: match.params }
  const from = match ? match.from : target === 'statements' ? 'statements s' : 'documents d'
  return {
    sql: `SELECT count(*) AS n FROM ${from} ${and(match ? match.where : '', cond.sql)}`,
    params: [...(match?.params ?? []), ...cond.params],
  }
}

export function documentHitsSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  limit: number,
  offset: number,
): Sql {
  const cond = documentConditions(f)
  const columns = 'd.id, d.title, d.outlet, d.published, d.url, d.statements, d.near_dup_of'
  if (match?.alone && match.aloneScore && !cond.sql) {
    return {
      sql:
        `SELECT ${columns}, f.score AS score FROM (SELECT rowid AS id, ${match.aloneScore} AS score ` +
        `FROM ${match.alone} ORDER BY score DESC, id LIMIT ? OFFSET ?) AS f JOIN documents d ON d.id = f.id ORDER BY score DESC, d.id`,
      params: [...match.params, limit, offset],
    }
  }
  const from = match ? match.from : 'documents d'
  const matchWhere = match ? match.where : ''
  return {
    sql:
      `SELECT ${columns}, ${match ? match.score : '0'} AS score ` +
      `FROM ${from} ${and(matchWhere, cond.sql)} ORDER BY ${match ? 'score DESC, d.id' : 'd.published DESC, d.id'} LIMIT ? OFFSET ?`,
    params: [...(match?.params ?? []), ...cond.params, limit, offset],
  }
}

export function documentFacetsSql(
  match: TextMatch | null,
  f: ResolvedFilters,
  year: string,
  cap: number,
): Sql {
  const cond = documentConditions(f)
  const from = match ? match.from : 'documents d'
  const matchWhere = match ? match.where : ''
  return {
    sql:
      `WITH m AS MATERIALIZED (SELECT d.outlet, d.published FROM ${from} ${and(matchWhere, cond.sql)} LIMIT ?) ` +
      `SELECT 'total' AS facet, NULL AS value, count(*) AS n FROM m ` +
      `UNION ALL SELECT 'outlet', outlet, count(*) FROM m WHERE outlet IS NOT NULL GROUP BY outlet ` +
      `UNION ALL SELECT 'year', ${year}, count(*) FROM m WHERE published IS NOT NULL GROUP BY ${year}`,
    params: [...(match?.params ?? []), ...cond.params, cap],
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

/** Numbers `?` placeholders as `$1, $2…` for PostgreSQL (our SQL has no `?` anywhere else). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
