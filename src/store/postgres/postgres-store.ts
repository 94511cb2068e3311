/**
 * The store at scale: PostgreSQL (pg), tsvector columns with GIN indexes for text search. Many
 * ingest workers on many machines can write to it at once; every document is one transaction.
 */
import pg from 'pg'
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
import { toWebsearch, type ParsedQuery } from '../../search/query.js'
import { numberPlaceholders, type Sql, type TextMatch } from '../../search/sql.js'
import { SqlStore, type Row } from '../sql-store.js'
import type { MigrationNotice, PutResult, StoreInput } from '../types.js'

export interface PostgresStoreOptions {
  /** The schema holding the tables (created when missing); also read from the URL's `?schema=`. */
  schema?: string
  /** Connections in the pool. */
  max?: number
  /** Told of each migration that upgrades an existing store, as it starts (not those creating a new one). */
  onMigration?: MigrationNotice
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}

/** Splits a `?schema=` parameter off a connection URL (pg would pass it to the server). */
export function splitSchema(url: string): { url: string; schema: string | null } {
  const parsed = new URL(url)
  const schema = parsed.searchParams.get('schema')
  parsed.searchParams.delete('schema')
  return { url: parsed.toString(), schema }
}

/** Connection errors (refused, unknown host, auth) that mean "cannot reach the database". */
function describe(error: unknown): string {
  const e = error as { code?: string; message?: string }
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : String(e.message ?? error)
}

/**
 * A PostgreSQL corpus store. Opening applies pending migrations (under an advisory lock, so workers
 * starting together do not race).
 *
 * @example
 * const store = await PostgresStore.open('postgres://localhost/claimtrail')
 */
export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const
  readonly location: string
  readonly schema: string
  private readonly pool: pg.Pool

  private constructor(url: string, schema: string, max: number) {
    super()
    this.location = redactUrl(url)
    this.schema = schema
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 10_000,
    })
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => {})
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    let split: { url: string; schema: string | null }
    try {
      split = splitSchema(url)
    } catch (error) {
      throw new StoreError(`not a PostgreSQL URL: ${redactUrl(url)}`, { cause: error })
    }
    const schema = options.schema ?? split.schema ?? 'public'
    if (!SCHEMA_NAME.test(schema)) throw new StoreError(`bad schema name "${schema}": use a-z, 0-9 and _`)
    const store = new PostgresStore(split.url, schema, options.max ?? 4)
    try {
      await store.migrate(options.onMigration)
    } catch (error) {
      await store.close()
      throw error
    }
    return store
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect()
    } catch (error) {
      throw new StoreError(`cannot reach PostgreSQL at ${this.location} (${describe(error)})`, {
        cause: error,
      })
    }
  }

  private async inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async migrate(onMigration?: MigrationNotice): Promise<number[]> {
    const client = await this.connect()
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`)
      await client.query('BEGIN')
      await client.query("SELECT pg_advisory_xact_lock(hashtext('claimtrail-migrate'))")
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      )
      const applied: number[] = []
      for (const migration of loadMigrations('postgres')) {
        if (done.has(migration.version)) continue
        if (done.size) onMigration?.(migration)
        await client.query(migration.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ])
        applied.push(migration.version)
      }
      await client.query('COMMIT')
      return applied
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  protected async all(sql: string, params: unknown[]): Promise<Row[]> {
    const client = await this.connect()
    try {
      return (await client.query(numberPlaceholders(sql), params)).rows as Row[]
    } finally {
      client.release()
    }
  }

  protected textMatch(target: 'statements' | 'documents', query: ParsedQuery): TextMatch {
    const alias = target === 'statements' ? 's' : 'd'
    return {
      from: `${target} ${alias} CROSS JOIN websearch_to_tsquery('english', ?) AS q`,
      where: `${alias}.tsv @@ q`,
      score: `ts_rank_cd(${alias}.tsv, q)`,
      order: `${alias}.id`,
      params: [toWebsearch(query)],
    }
  }

  protected async claimText(query: ParsedQuery): Promise<Sql> {
    return { sql: "c.tsv @@ websearch_to_tsquery('english', ?)", params: [toWebsearch(query)] }
  }

  protected datePart(column: string, part: 'year' | 'month'): string {
    return `substr(${column}, 1, ${part === 'year' ? 4 : 7})`
  }

  async putDocument(record: StoreInput): Promise<PutResult> {
    const rows = rowsOf(record)
    return this.inTransaction((client) => this.write(client, rows))
  }

  /** Every row of one document in a few round trips (arrays unnested server-side). */
  private async write(
    client: pg.PoolClient,
    { document: doc, statements, entities, techniques, claims }: DocumentRows,
  ): Promise<PutResult> {
    const keys = bandKeys(doc.signature)
    // Writers storing copies of one story at the same moment would not see each other's rows: lock the
    // document's LSH bands for the transaction (in sorted order, so two writers never deadlock), and
    // the second copy waits for the first to commit, then finds it.
    await client.query('SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k', [
      [...keys].sort((a, b) => a - b),
    ])
    const candidates = await client.query<{ id: string; near_dup_of: string | null; signature: Buffer }>(
      'SELECT id, near_dup_of, signature FROM documents WHERE id IN (SELECT doc_id FROM document_bands WHERE band_key = ANY($1::bigint[]))',
      [keys],
    )
    const near = bestNearDuplicate(
      doc.signature,
      candidates.rows.map((c) => ({
        id: Number(c.id),
        nearDupOf: c.near_dup_of === null ? null : Number(c.near_dup_of),
        signature: c.signature,
      })),
    )
    // ON CONFLICT: two workers storing the same article at once both succeed; the second sees a duplicate.
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO documents (${DOCUMENT_INSERT_COLUMNS.join(', ')}) ` +
        `VALUES (${DOCUMENT_INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (hash) DO NOTHING RETURNING id`,
      documentInsertValues(doc, near, statements.length),
    )
    const docRow = inserted.rows[0]
    if (!docRow) {
      const existing = await client.query<{ id: string }>('SELECT id FROM documents WHERE hash = $1', [
        doc.hash,
      ])
      return { status: 'duplicate', id: Number(existing.rows[0]?.id), nearDuplicateOf: null }
    }
    const docId = Number(docRow.id)
    await client.query(
      'INSERT INTO document_bands (band_key, doc_id) SELECT DISTINCT k, $2::bigint FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING',
      [keys, docId],
    )
    const idOf = new Map<number, number>()
    if (statements.length) {
      const column = <T>(pick: (s: (typeof statements)[number]) => T): T[] => statements.map(pick)
      const ids = await client.query<{ id: string; ord: number }>(
        'INSERT INTO statements (doc_id, ord, attribution, mode, speaker_key, speaker_name, speaker_type, source, cue, ' +
          'content, content_start, content_end, parent, quote_key, outlet, published, near_dup_of) ' +
          'SELECT $1::bigint, * , $14::text, $15::text, $16::bigint FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], ' +
          '$7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::text[], $17::text[]) ' +
          'RETURNING id, ord',
        [
          docId,
          column((s) => s.ord),
          column((s) => s.attributionId),
          column((s) => s.mode),
          column((s) => s.speakerKey),
          column((s) => s.speakerName),
          column((s) => s.speakerType),
          column((s) => s.source),
          column((s) => s.cue),
          column((s) => s.content),
          column((s) => s.contentStart),
          column((s) => s.contentEnd),
          column((s) => s.parent),
          doc.outlet,
          doc.published,
          near?.id ?? null,
          column((s) => s.quoteKey),
        ],
      )
      for (const r of ids.rows) idOf.set(r.ord, Number(r.id))
      const about = statements.flatMap((s) => s.entityKeys.map((key) => [idOf.get(s.ord), key] as const))
      if (about.length) {
        await client.query(
          'INSERT INTO statement_entities (statement_id, entity_key, published) ' +
            'SELECT *, $3::text FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING',
          [about.map((a) => a[0]), about.map((a) => a[1]), doc.published],
        )
      }
      const names = new Map<string, { key: string; name: string; count: number }>()
      for (const s of statements) {
        if (!s.speakerKey || !s.speakerName) continue
        const k = `${s.speakerKey}\u0000${s.speakerName}`
        const entry = names.get(k) ?? { key: s.speakerKey, name: s.speakerName, count: 0 }
        entry.count++
        names.set(k, entry)
      }
      if (names.size) {
        const list = [...names.values()].sort(
          (a, b) => a.key.localeCompare(b.key) || a.name.localeCompare(b.name),
        )
        await client.query(
          'INSERT INTO speaker_names (speaker_key, name, surname, count) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) ' +
            'ON CONFLICT (speaker_key, name) DO UPDATE SET count = speaker_names.count + excluded.count',
          [
            list.map((n) => n.key),
            list.map((n) => n.name),
            list.map((n) => surnameOf(n.key)),
            list.map((n) => n.count),
          ],
        )
      }
    }
    await this.updateSpeakerStats(client, doc.outlet, doc.published, statements)
    if (entities.length) {
      await client.query(
        'INSERT INTO document_entities (doc_id, entity_key, name, type, surname, mentions, published) ' +
          'SELECT $1::bigint, *, $7::text FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])',
        [
          docId,
          entities.map((e) => e.key),
          entities.map((e) => e.name),
          entities.map((e) => e.type),
          entities.map((e) => surnameOf(e.key)),
          entities.map((e) => e.mentions),
          doc.published,
        ],
      )
    }
    const statementId = (ord: number): number | undefined => idOf.get(ord)
    if (techniques.length) {
      const voices = techniques.map((t) => spanVoice(t.statementOrd, statements, statementId))
      await client.query(
        'INSERT INTO techniques (doc_id, technique_id, technique, span_start, span_end, score, span, statement_id, ' +
          'speaker_key, quote_key, outlet, published) SELECT $1::bigint, u.*, $11::text, $12::text FROM unnest($2::text[], ' +
          '$3::text[], $4::int[], $5::int[], $6::real[], $7::text[], $8::bigint[], $9::text[], $10::text[]) AS u',
        [
          docId,
          techniques.map((t) => t.techniqueId),
          techniques.map((t) => t.technique),
          techniques.map((t) => t.start),
          techniques.map((t) => t.end),
          techniques.map((t) => t.score),
          techniques.map((t) => t.span),
          voices.map((v) => v[0]),
          voices.map((v) => v[1]),
          voices.map((v) => v[2]),
          doc.outlet,
          doc.published,
        ],
      )
    }
    if (claims.length) {
      const voices = claims.map((c) => spanVoice(c.statementOrd, statements, statementId))
      await client.query(
        'INSERT INTO claims (doc_id, claim_id, span_start, span_end, text, checkworthiness, statement_id, ' +
          'speaker_key, quote_key, outlet, published) SELECT $1::bigint, u.*, $10::text, $11::text FROM unnest($2::text[], ' +
          '$3::int[], $4::int[], $5::text[], $6::float8[], $7::bigint[], $8::text[], $9::text[]) AS u',
        [
          docId,
          claims.map((c) => c.claimId),
          claims.map((c) => c.start),
          claims.map((c) => c.end),
          claims.map((c) => c.text),
          claims.map((c) => c.checkworthiness),
          voices.map((v) => v[0]),
          voices.map((v) => v[1]),
          voices.map((v) => v[2]),
          doc.outlet,
          doc.published,
        ],
      )
    }
    return { status: 'stored', id: docId, nearDuplicateOf: near }
  }

  /** Adds one document's statements to the running per-speaker totals (migration 002). */
  private async updateSpeakerStats(
    client: pg.PoolClient,
    outlet: string | null,
    published: string | null,
    statements: DocumentRows['statements'],
  ): Promise<void> {
    const totals = speakerTotals(statements)
    if (!totals.length) return
    const quoteRows = totals.flatMap((t) => [...t.quotes].map(([quote, n]) => [t.key, quote, n] as const))
    quoteRows.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1))
    // (xmax = 0): the row was inserted by this statement, not updated.
    const quotes = await client.query<{ speaker_key: string; inserted: boolean }>(
      'INSERT INTO speaker_quotes (speaker_key, quote_key, appearances) SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ' +
        'ON CONFLICT (speaker_key, quote_key) DO UPDATE SET appearances = speaker_quotes.appearances + excluded.appearances ' +
        'RETURNING speaker_key, (xmax = 0) AS inserted',
      [quoteRows.map((r) => r[0]), quoteRows.map((r) => r[1]), quoteRows.map((r) => r[2])],
    )
    const newQuotes = new Map<string, number>()
    for (const r of quotes.rows)
      if (r.inserted) newQuotes.set(r.speaker_key, (newQuotes.get(r.speaker_key) ?? 0) + 1)
    const newOutlets = new Set<string>()
    if (outlet !== null) {
      const outlets = await client.query<{ speaker_key: string; inserted: boolean }>(
        'INSERT INTO speaker_outlets (speaker_key, outlet, appearances) SELECT k, $2::text, n FROM unnest($1::text[], $3::int[]) AS u(k, n) ' +
          'ON CONFLICT (speaker_key, outlet) DO UPDATE SET appearances = speaker_outlets.appearances + excluded.appearances ' +
          'RETURNING speaker_key, (xmax = 0) AS inserted',
        [totals.map((t) => t.key), outlet, totals.map((t) => t.appearances)],
      )
      for (const r of outlets.rows) if (r.inserted) newOutlets.add(r.speaker_key)
    }
    for (const t of totals) {
      await client.query(numberPlaceholders(UPSERT_SPEAKER_STATS), [
        t.key,
        newQuotes.get(t.key) ?? 0,
        t.appearances,
        newOutlets.has(t.key) ? 1 : 0,
        published,
        published,
      ])
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {})
  }
}
