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
