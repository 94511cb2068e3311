/**
 * What the SQLite and PostgreSQL stores share: every read (search, facets, speaker views, documents)
 * is the same SQL from `search/sql.ts`, run through the backend's `all`. Only writes, migrations and
 * text matching differ, and each backend implements those.
 */
import type { AttributionMode } from '../model/layers.js'
import { hasTerms, parseQuery, type ParsedQuery } from '../search/query.js'
import {
  claimsSql,
  countSql,
  documentRowsSql,
  keptSampleSql,
  documentWindowSql,
  speakerBreakdownSql,
  speakersSql,
  speakerStatementsSql,
  statementRowsSql,
  statementWindowSql,
  techniqueCountsSql,
  techniqueVoicesSql,
  type Driver,
  type ResolvedFilters,
  type Sql,
  type TextMatch,
  type Window,
} from '../search/sql.js'
import { candidateKeys, nameTokens, surnameOf, canonicalKey } from './canonical-key.js'
import { restoreAnalysis } from './rows.js'
import type {
  BatchPutResult,
  ClaimHit,
  ClaimsQuery,
  CorpusCounts,
  DocumentHit,
  Facets,
  FacetCount,
  Filters,
  PutResult,
  SearchQuery,
  SearchResult,
  SpeakerProfile,
  SpeakerRow,
  SpeakersQuery,
  Statement,
  StatementHit,
  Store,
  StoredDocument,
  StoreInput,
  TechniqueCount,
  TechniqueName,
  TechniqueProfile,
  TechniquesQuery,
} from './types.js'

export type Row = Record<string, unknown>

/** Facet values kept per facet: enough for a sidebar, bounded for a corpus of millions. */
const FACET_LIMIT = 20
/**
 * The window of a search by default: the newest matches that facets count and ranking orders. Both
 * cost time in proportion to what they read, so past this many matches the facets describe the newest
 * ones (flagged by `facetsOver`) and the hits are the best of them.
 */
export const FACET_MATCH_LIMIT = 2_000
/** Matches counted at most for `total` (flagged by `totalExact: false` beyond). */
export const COUNT_LIMIT = 10_000
/** Filters that select fewer rows than this join a text query as an id set (see `plan`). */
const SEMI_JOIN_LIMIT = 100_000
/** The newest text matches sampled to see how often the filters keep one (see `plan`). */
const SAMPLE = 1_000
const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 10_000

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value))
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

/** A statement from a row of `STATEMENT_COLUMNS`. */
function statementOf(row: Row, names: Map<string, string>): Statement {
  const key = str(row.speaker_key)
  return {
    documentId: num(row.doc_id),
    attributionId: String(row.attribution),
    mode: row.mode as AttributionMode,
    speaker: key ? { key, name: names.get(key) ?? str(row.speaker_name) ?? key } : null,
    source: str(row.source),
    cue: str(row.cue),
    content: String(row.content),
    contentStart: num(row.content_start),
    contentEnd: num(row.content_end),
    published: str(row.published),
    outlet: str(row.outlet),
    title: str(row.title),
    url: str(row.url),
    quoteKey: String(row.quote_key),
    nearDuplicateOf: row.near_dup_of === null || row.near_dup_of === undefined ? null : num(row.near_dup_of),
  }
}

/** A technique count from a row of `techniqueCountsSql`. */
function techniqueCountOf(row: Row): TechniqueCount {
  return {
    technique: String(row.technique) as TechniqueName,
    uses: num(row.uses),
    documents: num(row.documents),
    quotes: num(row.quotes),
  }
}

export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres'
  abstract readonly location: string
  abstract migrate(): Promise<number[]>
  abstract putDocument(record: StoreInput): Promise<PutResult>
  abstract close(): Promise<void>
  /** Runs a read query (`?` placeholders) and returns its rows. */
  protected abstract all(sql: string, params: unknown[]): Promise<Row[]>
  /** Share of a text's newest matches the filters must keep for the text to lead (see `plan`). */
  protected textLeadsShare = 0.1
  /** The dialect's text match over statements (`s`) or documents (`d`). */
  protected abstract textMatch(target: 'statements' | 'documents', query: ParsedQuery): TextMatch
  /** The dialect's condition on a claim's text (`c`, migration 006); it may look at the index first. */
  protected abstract claimText(query: ParsedQuery): Promise<Sql>
  /**
   * A text match that the text index itself narrows to the filters (SQLite's facet tokens), for a
   * query whose filters select few of its matches; null where the dialect has none for these filters.
   * The filters' SQL conditions still apply to its matches.
   */
  protected async narrowedTextMatch(
    _target: 'statements' | 'documents',
    _query: ParsedQuery,
    _filters: ResolvedFilters,
  ): Promise<TextMatch | null> {
    return null
  }
  /** The dialect's expression for the year (`YYYY`) or month (`YYYY-MM`) of a `published` column. */
  protected abstract datePart(column: string, part: 'year' | 'month'): string

  /** One transaction per document; a backend that can share a commit between documents overrides this. */
  async putDocuments(records: StoreInput[]): Promise<BatchPutResult[]> {
    const results: BatchPutResult[] = []
    for (const record of records) {
      try {
        results.push(await this.putDocument(record))
      } catch (error) {
        results.push({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) })
      }
    }
    return results
  }

  async findByHash(hash: string): Promise<number | null> {
    const rows = await this.all('SELECT id FROM documents WHERE hash = ?', [hash])
    return rows[0] ? num(rows[0].id) : null
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const rows = await this.all(
      'SELECT id, hash, source, text, analysis, near_dup_of, similarity FROM documents WHERE id = ?',
      [id],
    )
    const row = rows[0]
    if (!row) return null
    const copies = await this.all('SELECT id FROM documents WHERE near_dup_of = ? ORDER BY id', [id])
    return {
      id: num(row.id),
      hash: String(row.hash),
      source: str(row.source),
      analysis: restoreAnalysis(String(row.analysis), String(row.text)),
      nearDuplicateOf:
        row.near_dup_of === null ? null : { id: num(row.near_dup_of), similarity: num(row.similarity) },
      copies: copies.map((r) => num(r.id)),
    }
  }

  async counts(): Promise<CorpusCounts> {
    const rows = await this.all(
      'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM statements) AS statements, ' +
        '(SELECT count(DISTINCT speaker_key) FROM speaker_names) AS speakers, ' +
        '(SELECT count(*) FROM documents WHERE near_dup_of IS NOT NULL) AS near, (SELECT count(*) FROM claims) AS claims',
      [],
    )
    const row = rows[0] ?? {}
    return {
      documents: num(row.documents),
      statements: num(row.statements),
      speakers: num(row.speakers),
      nearDuplicates: num(row.near),
      claims: num(row.claims),
    }
  }

  /**
   * Keys for a user's name in a table of keys (`speaker_names` or `document_entities`): the exact
   * canonical keys of every type, and for a single word also the PERSON keys with that surname
   * ("Blair" is Tony Blair, even when a tagger once took "Blair" for an organisation).
   */
  private async resolveKeys(table: string, column: string, name: string): Promise<string[]> {
    const keys = candidateKeys(name)
    const found = new Set(
      (
        await this.all(
          `SELECT DISTINCT ${column} AS k FROM ${table} WHERE ${column} IN (${keys.map(() => '?').join(', ')})`,
          keys,
        )
      ).map((r) => String(r.k)),
    )
    const surname = surnameOf(canonicalKey(name, 'PERSON'))
    if (surname && (nameTokens(name).length === 1 || found.size === 0)) {
      const rows = await this.all(`SELECT DISTINCT ${column} AS k FROM ${table} WHERE surname = ?`, [surname])
      for (const r of rows) found.add(String(r.k))
    }
    return [...found].sort()
  }

  /** Speaker keys for a user's name (see `resolveKeys`). */
  resolveSpeakerKeys(name: string): Promise<string[]> {
    return this.resolveKeys('speaker_names', 'speaker_key', name)
  }

  /** Entity keys for a user's name (see `resolveKeys`). */
  resolveEntityKeys(name: string): Promise<string[]> {
    return this.resolveKeys('document_entities', 'entity_key', name)
  }

  private async resolve(filters: Filters): Promise<ResolvedFilters> {
    const resolved: ResolvedFilters = {}
    if (filters.speaker !== undefined) resolved.speakerKeys = await this.resolveSpeakerKeys(filters.speaker)
    if (filters.entity !== undefined) resolved.entityKeys = await this.resolveEntityKeys(filters.entity)
    if (filters.outlet !== undefined) resolved.outlet = filters.outlet
    if (filters.from !== undefined) resolved.from = filters.from
    if (filters.to !== undefined) resolved.to = filters.to
    if (filters.mode !== undefined) resolved.mode = filters.mode
    return resolved
  }

  /** The display name of each speaker key: the name it appears under most often. */
  private async displayNames(keys: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>()
    const unique = [...new Set(keys)]
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500)
      const rows = await this.all(
        `SELECT speaker_key, name, count FROM speaker_names WHERE speaker_key IN (${chunk.map(() => '?').join(', ')}) ` +
          'ORDER BY speaker_key, count DESC, name',
        chunk,
      )
      for (const r of rows)
        if (!names.has(String(r.speaker_key))) names.set(String(r.speaker_key), String(r.name))
    }
    return names
  }

  /**
   * How a text query with filters reads its matches (see `TextMatch.semiJoin`). The text leads when
   * the filters keep at least `textLeadsShare` of its newest matches (a sample of `SAMPLE` matches):
   * the window then fills after a few lookups. Otherwise, where the dialect can narrow the text match
   * to the filters inside its text index (`narrowedTextMatch`), that match leads; failing that, the
   * filters as an id set, when they select fewer than `SEMI_JOIN_LIMIT` rows (a capped count on their
   * index): the set is cheap to build, and each text match is checked against it without a lookup.
   * Filters on mode alone have no index to read from, so the text leads them.
   */
  private async plan(
    target: 'statements' | 'documents',
    query: ParsedQuery,
    match: TextMatch | null,
    filters: ResolvedFilters,
  ): Promise<{ driver: Driver; match: TextMatch | null }> {
    const indexed = Object.keys(filters).some((k) => k !== 'mode')
    if (!match?.semiJoin || !indexed) return { driver: 'text', match }
    const sample = keptSampleSql(target, match, filters, SAMPLE)
    if (num((await this.all(sample.sql, sample.params))[0]?.n) >= SAMPLE * this.textLeadsShare)
      return { driver: 'text', match }
    const narrowed = await this.narrowedTextMatch(target, query, filters)
    if (narrowed) return { driver: 'text', match: narrowed }
    const selected = countSql(target, null, filters, SEMI_JOIN_LIMIT)
    const few = num((await this.all(selected.sql, selected.params))[0]?.n) < SEMI_JOIN_LIMIT
    return { driver: few ? 'filters' : 'text', match }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 0), MAX_LIMIT)
    const offset = Math.max(query.offset ?? 0, 0)
    const target = query.target ?? 'statements'
    const parsed = parseQuery(query.text ?? '')
    const empty = (): Facets => ({ speaker: [], outlet: [], mode: [], year: [] })
    if (!hasTerms(parsed) && parsed.excluded.length)
      return { total: 0, totalExact: true, hits: [], facets: empty(), facetsOver: 0 }
    const filters = await this.resolve(query)
    const year = this.datePart('published', 'year')
    const { driver, match } = await this.plan(
      target,
      parsed,
      hasTerms(parsed) ? this.textMatch(target, parsed) : null,
      filters,
    )
    const window: Window = { size: Math.max(1, query.facetLimit ?? FACET_MATCH_LIMIT), limit, offset, driver }
    const windowSql =
      target === 'statements'
        ? statementWindowSql(match, filters, year, window)
        : documentWindowSql(match, filters, year, window)
    const facets = empty()
    let counted = 0
    const page: { id: number; score: number }[] = []
    for (const r of await this.all(windowSql.sql, windowSql.params)) {
      const facet = String(r.facet)
      if (facet === 'total') counted = num(r.n)
      else if (facet === 'hit') page.push({ id: num(r.value), score: num(r.score) })
      else (facets[facet as keyof Facets] as FacetCount[]).push({ value: String(r.value), count: num(r.n) })
    }
    for (const list of Object.values(facets) as FacetCount[][]) {
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      list.splice(FACET_LIMIT)
    }
    // A window that did not fill holds every match; a full one calls for a count (capped too).
    let total = counted
    let totalExact = true
    // Past a full window, a text query with filters is not counted: it would cost the window's work
    // again for every window's worth of matches (or build the filters' id set a second time). Its
    // total is then a lower bound, the window.
    const filtered = match !== null && Object.keys(filters).length > 0
    if (counted >= window.size && filtered) totalExact = false
    else if (counted >= window.size) {
      const cap = Math.max(window.size + 1, query.countLimit ?? COUNT_LIMIT)
      const count = countSql(target, match, filters, cap, window.driver)
      total = num((await this.all(count.sql, count.params))[0]?.n)
      totalExact = total < cap
    }
    const facetsOver = counted
    const ids = page.map((p) => p.id)
    const rank = new Map(ids.map((id, i) => [id, i]))
    const byRank = (a: Row, b: Row): number => (rank.get(num(a.id)) ?? 0) - (rank.get(num(b.id)) ?? 0)
    const scoreOf = new Map(page.map((p) => [p.id, p.score]))

    if (target === 'documents') {
      const sql = documentRowsSql(ids)
      const rows = ids.length ? (await this.all(sql.sql, sql.params)).sort(byRank) : []
      const hits: DocumentHit[] = rows.map((r) => ({
        kind: 'document',
        documentId: num(r.id),
        title: str(r.title),
        outlet: str(r.outlet),
        published: str(r.published),
        url: str(r.url),
        statements: num(r.statements),
        nearDuplicateOf: r.near_dup_of === null ? null : num(r.near_dup_of),
        score: scoreOf.get(num(r.id)) ?? 0,
      }))
      return { total, totalExact, hits, facets, facetsOver }
    }
    const sql = statementRowsSql(ids)
    const rows = ids.length ? (await this.all(sql.sql, sql.params)).sort(byRank) : []
    const names = await this.displayNames([
      ...rows.map((r) => str(r.speaker_key)).filter((k): k is string => k !== null),
      ...facets.speaker.map((f) => f.value),
    ])
    for (const f of facets.speaker) f.label = names.get(f.value) ?? f.value
    const hits: StatementHit[] = rows.map((r) => ({
      kind: 'statement',
      ...statementOf(r, names),
      score: scoreOf.get(num(r.id)) ?? 0,
    }))
    return { total, totalExact, hits, facets, facetsOver }
  }

  async speakers(query: SpeakersQuery = {}): Promise<SpeakerRow[]> {
    const filters = await this.resolve(query)
    const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
    const unfiltered = Object.keys(filters).length === 0
    // No filter: the running totals (migration 002) are already ranked; filters need the statements.
    const top = unfiltered
      ? {
          sql:
            'SELECT speaker_key AS key, statements, appearances, documents, outlets, first, last FROM speaker_stats ' +
            'ORDER BY statements DESC, appearances DESC, speaker_key LIMIT ?',
          params: [limit],
        }
      : speakersSql(filters, limit)
    const rows = await this.all(top.sql, top.params)
    const keys = rows.map((r) => String(r.key))
    const names = await this.displayNames(keys)
    const shape = (r: Row, group?: string | null): SpeakerRow => ({
      key: String(r.key),
      name: names.get(String(r.key)) ?? String(r.key),
      ...(group === undefined ? {} : { group }),
      statements: num(r.statements),
      appearances: num(r.appearances),
      documents: num(r.documents),
      outlets: num(r.outlets),
      first: str(r.first),
      last: str(r.last),
    })
    if (!query.by || !keys.length) return rows.map((r) => shape(r))
    const group =
      query.by === 'outlet'
        ? 's.outlet'
        : this.datePart('s.published', query.by === 'month' ? 'month' : 'year')
    const breakdown = speakerBreakdownSql(filters, keys, group)
    const byKey = new Map<string, SpeakerRow[]>()
    for (const r of await this.all(breakdown.sql, breakdown.params)) {
      const list = byKey.get(String(r.key)) ?? []
      list.push(shape(r, str(r.grp)))
      byKey.set(String(r.key), list)
    }
    return keys.flatMap((key) => byKey.get(key) ?? [])
  }

  async speaker(name: string, filters: Omit<Filters, 'speaker'> = {}): Promise<SpeakerProfile | null> {
    const keys = await this.resolveSpeakerKeys(name)
    if (!keys.length) return null
    const resolved = await this.resolve(filters)
    resolved.speakerKeys = keys
    const sql = speakerStatementsSql(resolved)
    const names = await this.displayNames(keys)
    const items = (await this.all(sql.sql, sql.params)).map((r) => statementOf(r, names))
    const variantRows = await this.all(
      `SELECT name, sum(count) AS n FROM speaker_names WHERE speaker_key IN (${keys.map(() => '?').join(', ')}) ` +
        'GROUP BY name ORDER BY n DESC, name',
      keys,
    )
    const variants = variantRows.map((r) => ({ value: String(r.name), count: num(r.n) }))
    const counts = techniqueCountsSql('speaker', resolved, keys, false)
    return {
      keys,
      name: variants[0]?.value ?? names.get(keys[0] as string) ?? name,
      variants,
      statements: new Set(items.map((i) => i.quoteKey)).size,
      appearances: items.length,
      items,
      techniques: (await this.all(counts.sql, counts.params)).map(techniqueCountOf),
    }
  }

  async claims(query: ClaimsQuery = {}): Promise<ClaimHit[]> {
    const parsed = parseQuery(query.text ?? '')
    // Exclusions alone select nothing, as in search.
    if (!hasTerms(parsed) && parsed.excluded.length) return []
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT)
    const sql = claimsSql(
      await this.resolve(query),
      hasTerms(parsed) ? await this.claimText(parsed) : null,
      query.minCheckworthiness,
      limit,
      Math.max(query.offset ?? 0, 0),
    )
    const rows = await this.all(sql.sql, sql.params)
    const names = await this.displayNames(
      rows.map((r) => str(r.speaker_key)).filter((k): k is string => k !== null),
    )
    return rows.map((r) => {
      const key = str(r.speaker_key)
      return {
        documentId: num(r.doc_id),
        claimId: String(r.claim_id),
        start: num(r.span_start),
        end: num(r.span_end),
        text: String(r.text),
        checkworthiness: num(r.checkworthiness),
        attributionId: str(r.attribution),
        speaker: key ? { key, name: names.get(key) ?? str(r.speaker_name) ?? key } : null,
        source: str(r.source),
        title: str(r.title),
        outlet: str(r.outlet),
        published: str(r.published),
        url: str(r.url),
        nearDuplicateOf: r.near_dup_of === null || r.near_dup_of === undefined ? null : num(r.near_dup_of),
      }
    })
  }

  async techniques(query: TechniquesQuery): Promise<TechniqueProfile[]> {
    const filters = await this.resolve(query)
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT)
    const top = techniqueVoicesSql(query.by, filters, limit)
    const voices = (await this.all(top.sql, top.params)).map((r) => ({
      key: String(r.voice),
      uses: num(r.uses),
    }))
    if (!voices.length) return []
    const keys = voices.map((v) => v.key)
    const counts = techniqueCountsSql(query.by, filters, keys, true)
    const byVoice = new Map<string, TechniqueCount[]>()
    for (const r of await this.all(counts.sql, counts.params)) {
      const list = byVoice.get(String(r.voice)) ?? []
      list.push(techniqueCountOf(r))
      byVoice.set(String(r.voice), list)
    }
    const names = query.by === 'speaker' ? await this.displayNames(keys) : new Map<string, string>()
    return voices.map((v) => ({
      key: v.key,
      name: names.get(v.key) ?? v.key,
      uses: v.uses,
      techniques: byVoice.get(v.key) ?? [],
    }))
  }
}
