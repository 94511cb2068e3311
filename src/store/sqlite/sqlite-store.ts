/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, FTS5 for text search. The
 * default for a laptop-sized corpus: nothing to install or run.
 */
import Database from 'better-sqlite3'
import { surnameOf } from '../canonical-key.js'
import { loadMigrations } from '../migrations.js'
import { bandKeys, bestNearDuplicate } from '../near-duplicates.js'
import {
  DOCUMENT_INSERT_COLUMNS,
  documentInsertValues,
  rowsOf,
  spanVoice,
  speakerTotals,
  StoreError,
  UPSERT_SPEAKER_STATS,
  type DocumentRows,
} from '../rows.js'
import { facetColumn, facetMatch, mayMatchFacets, type FacetFilter } from '../../search/facet-tokens.js'
import { toFts5, type ParsedQuery } from '../../search/query.js'
import type { ResolvedFilters, Sql, TextMatch } from '../../search/sql.js'
import { SqlStore, type Row } from '../sql-store.js'
import type { BatchPutResult, MigrationNotice, PutResult, StoreInput } from '../types.js'

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's lock before giving up (ms). */
  busyTimeoutMs?: number
  readonly?: boolean
  /** Caps the file at this many pages (SQLite's max_page_count): a quota, and how tests make a full disk. */
  maxPages?: number
  /** Page cache per connection, in MiB (default 64; SQLite's own default is 2). */
  cacheMib?: number
  /** Text matches from which a claims query walks the rank index (default 10,000; tests set 1). */
  claimSetLimit?: number
  /**
   * Whether facet tokens narrow a text query whose filters keep few of its matches (default true;
   * false: the filters' ids are checked against every match, as before migration 008).
   */
  facetTokens?: boolean
  /** Share of a text's newest matches the filters must keep for the text to lead (default 0.1; tests raise it). */
  textLeadsShare?: number
  /** Told of each migration that upgrades an existing store, as it starts (not those creating a new one). */
  onMigration?: MigrationNotice
}

/**
 * Bytes of the file mapped into memory for reads: reading a page is then a memory access, not a
 * read() into the page cache (SQLite still writes through its own pages, so a crash is as safe).
 */
const MMAP_BYTES = 1 << 30

/**
 * WAL pages written before the writer copies them back into the file (SQLite's default: 1,000, 4 MB).
 * An ingest commits a batch every 64 documents and rewrites the same index and FTS pages in each: with
 * the default, every 4 MB the main thread stopped to copy them back and fsync, and a page changed by
 * ten batches was copied ten times. Writing the BBC corpus's rows alone (2,225 documents, batches of
 * 64), two runs each: 1.48 / 1.50 ms a document by the clock with the default, 1.22 / 1.15 with 16,384
 * pages (64 MiB); CPU 1.27 / 1.21 against 1.23 / 1.15 ms. The journal is cut back to
 * {@link WAL_LIMIT_BYTES} after each checkpoint, so the file does not stay at its largest.
 */
const WAL_AUTOCHECKPOINT_PAGES = 16_384
const WAL_LIMIT_BYTES = 64 * 1024 * 1024

/**
 * Claims matching a text query from which the rank index leads (see `claimText`). On 1,000,000
 * synthetic claims, a word in 156,456 of them took 105 ms with its matches leading and 19 ms as a set;
 * a word in 1,395, 1 ms leading and 29 ms as a set (top 20, no filter).
 */
const CLAIM_SET_LIMIT = 10_000

/** SQLite error codes that mean "another process holds the lock": worth a clear message, not a stack. */
const LOCKED = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT'])

/**
 * A SQLite corpus store. Opening applies pending migrations.
 *
 * @example
 * const store = await SqliteStore.open('claimtrail.db')
 * await store.putDocument({ analysis })
 */
export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const
  readonly location: string
  private readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()
  private readonly claimSetLimit: number
  private readonly facetTokens: boolean

  private constructor(file: string, options: SqliteStoreOptions) {
    super()
    this.location = file
    this.claimSetLimit = options.claimSetLimit ?? CLAIM_SET_LIMIT
    this.facetTokens = options.facetTokens ?? true
    if (options.textLeadsShare !== undefined) this.textLeadsShare = options.textLeadsShare
    try {
      this.db = new Database(file, {
        readonly: options.readonly ?? false,
        timeout: options.busyTimeoutMs ?? 10_000,
      })
    } catch (error) {
      throw new StoreError(`cannot open SQLite database ${file}: ${(error as Error).message}`, {
        cause: error,
      })
    }
    if (!options.readonly) {
      // WAL: readers never block the writer; NORMAL sync is durable at every checkpoint and never corrupts.
      this.db.pragma('journal_mode = WAL')
      this.db.pragma('synchronous = NORMAL')
      this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
      this.db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`)
    }
    this.db.pragma('foreign_keys = ON')
    // A large corpus inserts into many B-trees at random places (bands, entity keys, quote keys): with
    // SQLite's 2 MiB default most of those pages are re-read from the OS on every document.
    this.db.pragma(`cache_size = -${Math.floor((options.cacheMib ?? 64) * 1024)}`)
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`)
    if (options.maxPages !== undefined) this.db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`)
  }

  static async open(file: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const store = new SqliteStore(file, options)
    if (!options.readonly) await store.migrate(options.onMigration)
    return store
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /** Runs `fn`, turning lock and disk errors into StoreErrors that say what happened and where. */
  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (LOCKED.has(code))
        throw new StoreError(`${this.location} is locked by another process (${what})`, { cause: error })
      if (code === 'SQLITE_FULL')
        throw new StoreError(`${this.location}: disk full (${what})`, { cause: error })
      throw error
    }
  }

  async migrate(onMigration?: MigrationNotice): Promise<number[]> {
    return this.guard('migrate', () => {
      // Nothing pending: no write lock, so a reader opens the file while an ingest is writing to it.
      const known = this.db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        .get()
      if (known) {
        const done = new Set(
          (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
            (r) => r.version,
          ),
        )
        if (loadMigrations('sqlite').every((m) => done.has(m.version))) return []
      }
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      )
      const applied: number[] = []
      this.db
        .transaction(() => {
          const done = new Set(
            (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
              (r) => r.version,
            ),
          )
          for (const migration of loadMigrations('sqlite')) {
            if (done.has(migration.version)) continue
            if (done.size) onMigration?.(migration)
            this.db.exec(migration.sql)
            this.db
              .prepare(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
              )
              .run(migration.version, migration.name)
            applied.push(migration.version)
          }
        })
        .immediate()
      return applied
    })
  }

  protected async all(sql: string, params: unknown[]): Promise<Row[]> {
    return this.guard('read', () => this.prepare(sql).all(...params) as Row[])
  }

  protected textMatch(
    target: 'statements' | 'documents',
    query: ParsedQuery,
    narrow: string | null = null,
  ): TextMatch {
    // bm25 rank is negative (lower is better): negate it so every store ranks "higher is better".
    // CROSS JOIN makes the FTS index drive (its matches read newest rowid first, each joined to its
    // row): left to itself SQLite may walk a filter's index and seek in the FTS index once per row,
    // which costs about 50 µs a row. Selective filters come in as an id set instead (`semiJoin`), or
    // as facet tokens the index matches itself (`narrowedTextMatch`).
    // Each match is checked and counted on the narrow facet index (migration 005), not the whole row.
    // A user's word spelled like a facet token is kept to the text columns (`mayMatchFacets`), and
    // the facet column weighs nothing in bm25: a narrowed match ranks its rows as the plain one does.
    const [fts, alias, columns] =
      target === 'statements'
        ? ['statements_fts', 's', '{content speaker}']
        : ['documents_fts', 'd', '{title text}']
    const text = toFts5(query)
    const words = mayMatchFacets(query) ? `${columns} : (${text})` : text
    return {
      from: `${fts} CROSS JOIN ${target} ${alias} INDEXED BY ${target}_facets ON ${alias}.id = ${fts}.rowid`,
      semiJoin: narrow === null,
      where: `${fts} MATCH ?`,
      score: `-bm25(${fts}, 1, 1, 0)`,
      order: `${fts}.rowid`,
      params: [narrow === null ? words : `(${words}) AND ${narrow}`],
      alone: `${fts} WHERE ${fts} MATCH ?`,
    }
  }

  /**
   * The text match narrowed by facet tokens (migration 008, `search/facet-tokens.ts`) to a superset of
   * the rows the outlet, speaker and date filters select. Not for entity filters: their id set is
   * usually smaller than any facet's postings.
   */
  protected override async narrowedTextMatch(
    target: 'statements' | 'documents',
    query: ParsedQuery,
    filters: ResolvedFilters,
  ): Promise<TextMatch | null> {
    if (filters.entityKeys || !this.facetTokens) return null
    const facet: FacetFilter = {}
    if (filters.from !== undefined) facet.from = filters.from
    if (filters.to !== undefined) facet.to = filters.to
    const idsOf = (kind: 'outlet' | 'speaker', values: string[]): number[] =>
      values.length
        ? (
            this.prepare(
              `SELECT id FROM facet_ids WHERE kind = ? AND value IN (${values.map(() => '?').join(', ')})`,
            ).all(kind, ...values) as { id: number }[]
          ).map((r) => r.id)
        : []
    if (filters.outlet !== undefined) {
      const [id] = idsOf('outlet', [filters.outlet])
      // An outlet never stored matches nothing: the filters' own plan finds that at once.
      if (id === undefined) return null
      facet.outletId = id
    }
    if (filters.speakerKeys && target === 'statements') {
      const ids = idsOf('speaker', filters.speakerKeys)
      if (!ids.length) return null
      facet.speakerIds = ids
    }
    const narrow = facetMatch(facet)
    return narrow === null ? null : this.textMatch(target, query, narrow)
  }

  /**
   * Few matches (under `claimSetLimit`): the text index leads, and its matches are read and sorted by
   * score. Many: the claims are walked in rank order (or on a filter's index) and each is checked
   * against the matches as a set, built once; the unary + keeps SQLite from taking the set as the
   * rowids to read, which for a common word means sorting hundreds of thousands of rows.
   */
  protected async claimText(query: ParsedQuery): Promise<Sql> {
    const match = toFts5(query)
    const many = this.prepare(
      'SELECT count(*) AS n FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)',
    ).get(match, this.claimSetLimit) as { n: number }
    const lead = many.n >= this.claimSetLimit ? '+' : ''
    return { sql: `${lead}c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`, params: [match] }
  }

  protected datePart(column: string, part: 'year' | 'month'): string {
    return `substr(${column}, 1, ${part === 'year' ? 4 : 7})`
  }

  async putDocument(record: StoreInput): Promise<PutResult> {
    const rows = rowsOf(record)
    return this.guard(`storing ${rows.document.source ?? rows.document.hash.slice(0, 12)}`, () =>
      this.db.transaction(() => this.write(rows)).immediate(),
    )
  }

  /**
   * Many documents in one transaction: one commit for the batch is what makes bulk ingest fast (FTS5
   * flushes its pending terms to a new segment at every commit and every savepoint, so neither is
   * taken per document). Rows are built and checked before the transaction, so a bad record fails
   * alone; should a write still fail, the batch is rolled back and each document is stored in its own
   * transaction, so only the one that fails is lost. A crash leaves whole documents only.
   */
  override async putDocuments(records: StoreInput[]): Promise<BatchPutResult[]> {
    const prepared = records.map((record): DocumentRows | Error => {
      try {
        return rowsOf(record)
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error))
      }
    })
    const failed = (error: Error): BatchPutResult => ({ status: 'failed', error })
    try {
      return this.guard(`storing a batch of ${records.length} document(s)`, () =>
        this.db
          .transaction(() =>
            prepared.map((rows) => (rows instanceof Error ? failed(rows) : this.write(rows))),
          )
          .immediate(),
      )
    } catch (error) {
      // The database itself failing (locked, full, I/O) fails the batch; a bad document fails alone.
      if (error instanceof StoreError || prepared.length === 1) throw error
      return Promise.all(
        prepared.map(async (rows) =>
          rows instanceof Error
            ? failed(rows)
            : this.putDocument({ rows }).catch((e: unknown) =>
                failed(e instanceof Error ? e : new Error(String(e))),
              ),
        ),
      )
    }
  }

  /** Every row of one document, inside the caller's transaction. */
  private write({ document: doc, statements, entities, techniques, claims }: DocumentRows): PutResult {
    const existing = this.prepare('SELECT id FROM documents WHERE hash = ?').get(doc.hash) as
      { id: number } | undefined
    if (existing) return { status: 'duplicate', id: existing.id, nearDuplicateOf: null }

    const keys = bandKeys(doc.signature)
    const marks = keys.map(() => '?').join(', ')
    const candidates = this.prepare(
      `SELECT id, near_dup_of, signature FROM documents WHERE id IN (SELECT doc_id FROM document_bands WHERE band_key IN (${marks}))`,
    ).all(...keys) as { id: number; near_dup_of: number | null; signature: Buffer }[]
    const near = bestNearDuplicate(
      doc.signature,
      candidates.map((c) => ({ id: c.id, nearDupOf: c.near_dup_of, signature: c.signature })),
    )

    const info = this.prepare(
      `INSERT INTO documents (${DOCUMENT_INSERT_COLUMNS.join(', ')}) VALUES (${DOCUMENT_INSERT_COLUMNS.map(() => '?').join(', ')})`,
    ).run(...documentInsertValues(doc, near, statements.length))
    const docId = Number(info.lastInsertRowid)
    const outletId = doc.outlet === null ? null : this.facetId('outlet', doc.outlet)
    this.prepare('INSERT INTO documents_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)').run(
      docId,
      doc.title ?? '',
      doc.text,
      facetColumn({ outletId, published: doc.published }),
    )
    const band = this.prepare('INSERT OR IGNORE INTO document_bands (band_key, doc_id) VALUES (?, ?)')
    for (const key of keys) band.run(key, docId)

    const insertStatement = this.prepare(
      'INSERT INTO statements (doc_id, ord, attribution, mode, speaker_key, speaker_name, speaker_type, source, cue, ' +
        'content, content_start, content_end, parent, quote_key, outlet, published, near_dup_of) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const insertFts = this.prepare(
      'INSERT INTO statements_fts (rowid, content, speaker, facets) VALUES (?, ?, ?, ?)',
    )
    const insertAbout = this.prepare(
      'INSERT OR IGNORE INTO statement_entities (statement_id, entity_key, published) VALUES (?, ?, ?)',
    )
    const speakerCounts = new Map<string, { key: string; name: string; count: number }>()
    const speakerIds = new Map<string, number>()
    const speakerIdOf = (key: string): number => {
      let id = speakerIds.get(key)
      if (id === undefined) speakerIds.set(key, (id = this.facetId('speaker', key)))
      return id
    }
    const statementIds: number[] = []
    for (const s of statements) {
      const id = Number(
        insertStatement.run(
          docId,
          s.ord,
          s.attributionId,
          s.mode,
          s.speakerKey,
          s.speakerName,
          s.speakerType,
          s.source,
          s.cue,
          s.content,
          s.contentStart,
          s.contentEnd,
          s.parent,
          s.quoteKey,
          doc.outlet,
          doc.published,
          near?.id ?? null,
        ).lastInsertRowid,
      )
      statementIds.push(id)
      const speakerId = s.speakerKey === null ? null : speakerIdOf(s.speakerKey)
      insertFts.run(
        id,
        s.content,
        s.speakerName ?? s.source ?? '',
        facetColumn({ outletId, published: doc.published, speakerId }),
      )
      for (const key of s.entityKeys) insertAbout.run(id, key, doc.published)
      if (s.speakerKey && s.speakerName) {
        const k = `${s.speakerKey}\u0000${s.speakerName}`
        const entry = speakerCounts.get(k) ?? { key: s.speakerKey, name: s.speakerName, count: 0 }
        entry.count++
        speakerCounts.set(k, entry)
      }
    }
    const upsertName = this.prepare(
      'INSERT INTO speaker_names (speaker_key, name, surname, count) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (speaker_key, name) DO UPDATE SET count = count + excluded.count',
    )
    for (const { key, name, count } of speakerCounts.values())
      upsertName.run(key, name, surnameOf(key), count)
    this.updateSpeakerStats(doc.outlet, doc.published, statements)
    const insertEntity = this.prepare(
      'INSERT INTO document_entities (doc_id, entity_key, name, type, surname, mentions, published) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    for (const e of entities)
      insertEntity.run(docId, e.key, e.name, e.type, surnameOf(e.key), e.mentions, doc.published)
    const insertTechnique = this.prepare(
      'INSERT INTO techniques (doc_id, technique_id, technique, span_start, span_end, score, span, statement_id, ' +
        'speaker_key, quote_key, outlet, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const statementId = (ord: number): number | undefined => statementIds[ord]
    for (const t of techniques) {
      insertTechnique.run(
        docId,
        t.techniqueId,
        t.technique,
        t.start,
        t.end,
        t.score,
        t.span,
        ...spanVoice(t.statementOrd, statements, statementId),
        doc.outlet,
        doc.published,
      )
    }
    const insertClaim = this.prepare(
      'INSERT INTO claims (doc_id, claim_id, span_start, span_end, text, checkworthiness, statement_id, ' +
        'speaker_key, quote_key, outlet, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const insertClaimFts = this.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)')
    for (const c of claims) {
      const id = insertClaim.run(
        docId,
        c.claimId,
        c.start,
        c.end,
        c.text,
        c.checkworthiness,
        ...spanVoice(c.statementOrd, statements, statementId),
        doc.outlet,
        doc.published,
      ).lastInsertRowid
      insertClaimFts.run(id, c.text)
    }
    return { status: 'stored', id: docId, nearDuplicateOf: near }
  }

  /** The id of an outlet or speaker key in `facet_ids` (migration 008), given one if it has none. */
  private facetId(kind: 'outlet' | 'speaker', value: string): number {
    const row = this.prepare('SELECT id FROM facet_ids WHERE kind = ? AND value = ?').get(kind, value) as
      { id: number } | undefined
    if (row) return row.id
    return Number(
      this.prepare('INSERT INTO facet_ids (kind, value) VALUES (?, ?)').run(kind, value).lastInsertRowid,
    )
  }

  /** Adds one document's statements to the running per-speaker totals (migration 002). */
  private updateSpeakerStats(
    outlet: string | null,
    published: string | null,
    statements: DocumentRows['statements'],
  ): void {
    // INSERT OR IGNORE tells a new row (one change) from an existing one, which is then updated: cheaper
    // in SQLite than an upsert with RETURNING, which costs a temporary table per call.
    const insertQuote = this.prepare(
      'INSERT OR IGNORE INTO speaker_quotes (speaker_key, quote_key, appearances) VALUES (?, ?, ?)',
    )
    const addQuote = this.prepare(
      'UPDATE speaker_quotes SET appearances = appearances + ? WHERE speaker_key = ? AND quote_key = ?',
    )
    const insertOutlet = this.prepare(
      'INSERT OR IGNORE INTO speaker_outlets (speaker_key, outlet, appearances) VALUES (?, ?, ?)',
    )
    const addOutlet = this.prepare(
      'UPDATE speaker_outlets SET appearances = appearances + ? WHERE speaker_key = ? AND outlet = ?',
    )
    const stats = this.prepare(UPSERT_SPEAKER_STATS)
    for (const totals of speakerTotals(statements)) {
      let newQuotes = 0
      for (const [key, n] of totals.quotes) {
        if (insertQuote.run(totals.key, key, n).changes === 1) newQuotes++
        else addQuote.run(n, totals.key, key)
      }
      let newOutlet = false
      if (outlet !== null) {
        newOutlet = insertOutlet.run(totals.key, outlet, totals.appearances).changes === 1
        if (!newOutlet) addOutlet.run(totals.appearances, totals.key, outlet)
      }
      stats.run(totals.key, newQuotes, totals.appearances, newOutlet ? 1 : 0, published, published)
    }
  }

  /** Pages the file uses now (for quotas and tests). */
  pageCount(): number {
    return this.db.pragma('page_count', { simple: true }) as number
  }

  /** Runs SQLite's own consistency check; 'ok' when the file is sound. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown'
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
