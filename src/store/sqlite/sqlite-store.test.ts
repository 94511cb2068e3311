import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analysedArticles, BACKFILLED_LAYERS, runStoreContract } from '../store.contract.js'
import { SqliteStore } from './sqlite-store.js'
import { fixtureAnalysis, IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH } from '../contract-fixtures.js'
import { StoreError } from '../rows.js'

const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

runStoreContract('sqlite', () => SqliteStore.open(path.join(dir, `contract-${++n}.db`)))

describe('SqliteStore', () => {
  it.each(BACKFILLED_LAYERS)(
    'backfills the $layer of documents stored before migration $version from their analyses',
    async (m) => {
      const file = path.join(dir, `backfill-${m.layer}.db`)
      const notices: number[] = []
      const onMigration = ({ version }: { version: number }) => notices.push(version)
      // A new store is created without notices; the upgrade below announces its one migration.
      const store = await SqliteStore.open(file, { onMigration })
      expect(notices).toEqual([])
      for (const analysis of analysedArticles()) await store.putDocument({ analysis })
      const written = await m.read(store)
      await store.close()
      // Back to the schema before the migration: undone, its version not applied.
      const { default: Database } = await import('better-sqlite3')
      const raw = new Database(file)
      const drops = m.undo.sqlite.map((sql) => `${sql}; `).join('')
      raw.exec(`${drops}DELETE FROM schema_migrations WHERE version = ${m.version}`)
      raw.close()
      const reopened = await SqliteStore.open(file, { onMigration })
      expect(notices).toEqual([m.version])
      for (const list of written) expect(list.length).toBeGreaterThan(0)
      expect(await m.read(reopened)).toEqual(written)
      await reopened.close()
    },
  )

  it('finds the same claims by text whether the matches lead or the rank index does', async () => {
    const file = path.join(dir, 'claims-plans.db')
    const store = await SqliteStore.open(file)
    for (const analysis of analysedArticles()) await store.putDocument({ analysis })
    await store.close()
    // claimSetLimit 1: every text query walks the claims in rank order and checks the matches as a set.
    const walking = await SqliteStore.open(file, { claimSetLimit: 1 })
    const leading = await SqliteStore.open(file)
    for (const query of [
      { text: 'asylum' },
      { text: 'Warhol OR Zionist', minCheckworthiness: 0.5 },
      { text: 'exhibit', from: '2000-01-01', limit: 3 },
    ]) {
      const expected = await leading.claims({ limit: 1000, ...query })
      expect(expected.length).toBeGreaterThan(0)
      expect(await walking.claims({ limit: 1000, ...query })).toEqual(expected)
    }
    await walking.close()
    await leading.close()
  })

  it('finds the same hits, totals and facets whether facet tokens or the filters’ ids narrow a text query', async () => {
    const file = path.join(dir, 'facet-plans.db')
    const store = await SqliteStore.open(file)
    // The golden articles, each also as run by two more outlets on other dates (the text gains a line,
    // so it is a new document; its spans are unchanged).
    const outlets = ['Wire One', 'Wire Two']
    for (const analysis of analysedArticles()) {
      await store.putDocument({ analysis })
      for (const [k, outlet] of outlets.entries()) {
        const year = 2010 + k * 3
        const text = `${analysis.document.text}\n\nRun by ${outlet}.`
        const published = `${year}-0${k + 3}-1${k}`
        await store.putDocument({
          analysis: { ...analysis, document: { ...analysis.document, text, outlet, published } },
        })
      }
    }
    await store.putDocument({ analysis: fixtureAnalysis(IRGC_PRESS_TV) })
    await store.close()
    // Filters never let the text lead here (a share above 1), so each query goes to a narrowing plan.
    const tokens = await SqliteStore.open(file, { textLeadsShare: 2 })
    const ids = await SqliteStore.open(file, { textLeadsShare: 2, facetTokens: false })
    const plain = await SqliteStore.open(file)
    const narrowed: string[] = []
    const all = (tokens as unknown as { all: (sql: string, params: unknown[]) => Promise<unknown[]> }).all
    ;(tokens as unknown as { all: typeof all }).all = function (sql, params) {
      for (const p of params) if (typeof p === 'string' && /\) AND \(?[mosy]\d/.test(p)) narrowed.push(p)
      return all.call(this, sql, params)
    }
    const queries = [
      { text: 'said', outlet: 'Wire One' },
      { text: 'said', outlet: 'Wire Two', from: '2013-01-01', to: '2013-12-31' },
      { text: 'said', from: '2010-03-01', to: '2010-03-31' },
      { text: 'said OR told', from: '2015-05-01', to: '2015-06-30', outlet: 'Wikinews' },
      { text: 'said', outlet: 'Wire One', from: '2000-01-01', to: '2020-12-31', mode: 'indirect' as const },
      { text: 'Zionist', speaker: 'Salami' },
      { text: 'said', target: 'documents' as const, outlet: 'Wire Two' },
      { text: 'said', target: 'documents' as const, from: '2015-01-01', to: '2015-12-31' },
    ]
    for (const query of queries) {
      const before = narrowed.length
      const expected = await ids.search({ ...query, limit: 100 })
      expect(expected.hits.length).toBeGreaterThan(0)
      expect(await tokens.search({ ...query, limit: 100 })).toEqual(expected)
      expect(narrowed.length).toBeGreaterThan(before)
      expect(await plain.search({ ...query, limit: 100 })).toEqual(expected)
    }
    // A user's word spelled like a facet token is looked for in the text only.
    const outletId = (
      tokens as unknown as { db: { prepare: (sql: string) => { get: () => { id: number } } } }
    ).db
      .prepare("SELECT id FROM facet_ids WHERE kind = 'outlet' AND value = 'Wire One'")
      .get().id
    expect((await plain.search({ text: `o${outletId}y2010` })).total).toBe(0)
    for (const s of [tokens, ids, plain]) await s.close()
  })

  it('gives the text indexes of a store written before migration 008 their facet tokens', async () => {
    const file = path.join(dir, 'facet-migration.db')
    const store = await SqliteStore.open(file)
    for (const analysis of analysedArticles()) await store.putDocument({ analysis })
    for (const fixture of [IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH])
      await store.putDocument({ analysis: fixtureAnalysis(fixture) })
    const queries = [
      { text: 'said', outlet: 'Wikinews', from: '2015-01-01', to: '2015-12-31' },
      { text: 'Zionist', speaker: 'Salami' },
      { text: 'Zionist', target: 'documents' as const, outlet: 'Tasnim' },
      { text: 'said OR regime' },
    ]
    const written = await Promise.all(queries.map((q) => store.search(q)))
    await store.close()
    // The schema before: text indexes of two columns, no facet ids.
    const { default: Database } = await import('better-sqlite3')
    const raw = new Database(file)
    const tokenize = "content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'"
    raw.exec(
      `DROP TABLE statements_fts; DROP TABLE documents_fts; DROP TABLE facet_ids;
       CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, ${tokenize});
       INSERT INTO statements_fts (rowid, content, speaker) SELECT id, content, coalesce(speaker_name, source, '') FROM statements;
       CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, ${tokenize});
       INSERT INTO documents_fts (rowid, title, text) SELECT id, coalesce(title, ''), text FROM documents;
       DELETE FROM schema_migrations WHERE version = 8`,
    )
    raw.close()
    const notices: number[] = []
    const reopened = await SqliteStore.open(file, {
      onMigration: ({ version }) => notices.push(version),
      textLeadsShare: 2,
    })
    expect(notices).toEqual([8])
    for (const [i, query] of queries.entries()) {
      expect(written[i]?.hits.length, JSON.stringify(query)).toBeGreaterThan(0)
      expect(await reopened.search(query)).toEqual(written[i])
    }
    expect(reopened.integrityCheck()).toBe('ok')
    await reopened.close()
  })

  it('keeps a sound file in WAL mode', async () => {
    const store = await SqliteStore.open(path.join(dir, 'wal.db'))
    await store.putDocument({ analysis: fixtureAnalysis(IRGC_PRESS_TV) })
    expect(store.integrityCheck()).toBe('ok')
    await store.close()
  })

  it('says clearly when the file cannot be opened', async () => {
    await expect(SqliteStore.open(path.join(dir, 'missing-folder', 'x.db'))).rejects.toThrow(
      /cannot open SQLite database .*x\.db/,
    )
  })

  it('says clearly when another process holds the write lock, and loses nothing', async () => {
    const file = path.join(dir, 'locked.db')
    const holder = await SqliteStore.open(file)
    await holder.putDocument({ analysis: fixtureAnalysis(IRGC_PRESS_TV) })
    const { default: Database } = await import('better-sqlite3')
    const other = new Database(file)
    other.exec('BEGIN IMMEDIATE')
    // Opening a migrated file takes no lock (a search runs beside an ingest); writing waits, then says why.
    const writer = await SqliteStore.open(file, { busyTimeoutMs: 50 })
    expect((await writer.search({ text: 'Zionist' })).total).toBeGreaterThan(0)
    const blocked = await writer
      .putDocument({ analysis: fixtureAnalysis(KHAMENEHI_SPEECH) })
      .catch((e: unknown) => e)
    expect(blocked).toBeInstanceOf(StoreError)
    expect(String((blocked as Error).message)).toMatch(/is locked by another process/)
    const batch = await writer
      .putDocuments([{ analysis: fixtureAnalysis(KHAMENEHI_SPEECH) }])
      .catch((e: unknown) => e)
    expect(String((batch as Error).message)).toMatch(/is locked by another process/)
    await writer.close()
    other.exec('ROLLBACK')
    other.close()
    expect((await holder.counts()).documents).toBe(1)
    await holder.close()
  })

  it('says clearly when the disk is full, and keeps what was stored before', async () => {
    const file = path.join(dir, 'full.db')
    const first = await SqliteStore.open(file)
    await first.putDocument({ analysis: fixtureAnalysis(IRGC_PRESS_TV) })
    const pages = first.pageCount()
    await first.close()
    // No room for another page: the next document cannot be written.
    const full = await SqliteStore.open(file, { maxPages: pages })
    await expect(full.putDocument({ analysis: fixtureAnalysis(KHAMENEHI_SPEECH) })).rejects.toThrow(
      /disk full/,
    )
    await expect(full.putDocument({ analysis: fixtureAnalysis(IRGC_WIRE_COPY) })).rejects.toThrow(StoreError)
    expect(await full.counts()).toMatchObject({ documents: 1, statements: 3 })
    expect(full.integrityCheck()).toBe('ok')
    await full.close()
  })
})
