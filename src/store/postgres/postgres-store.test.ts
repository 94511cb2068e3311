import { afterAll, describe, expect, it } from 'vitest'
import { fixtureAnalysis, IRGC_PRESS_TV, KHAMENEHI_SPEECH } from '../contract-fixtures.js'
import { StoreError } from '../rows.js'
import { analysedArticles, BACKFILLED_LAYERS, runStoreContract } from '../store.contract.js'
import { PostgresStore, redactUrl } from './postgres-store.js'
import { dropSchemas, freshSchemaName, postgresUnavailable, TEST_PG_URL } from './test-database.js'

const unavailable = await postgresUnavailable()
if (unavailable) console.warn(`skipping PostgreSQL store tests: ${unavailable}`)
const schemas: string[] = []
afterAll(() => dropSchemas(schemas))

const fresh = (label: string): Promise<PostgresStore> => {
  const schema = freshSchemaName(label)
  schemas.push(schema)
  return PostgresStore.open(TEST_PG_URL, { schema })
}

describe.skipIf(unavailable !== null)('PostgresStore', () => {
  runStoreContract('postgres', () => fresh('contract'))

  it.each(BACKFILLED_LAYERS)(
    'backfills the $layer of documents stored before migration $version from their analyses',
    async (m) => {
      const schema = freshSchemaName(`backfill_${m.layer}`)
      schemas.push(schema)
      const notices: number[] = []
      const onMigration = ({ version }: { version: number }) => notices.push(version)
      // A new store is created without notices; the upgrade below announces its one migration.
      const store = await PostgresStore.open(TEST_PG_URL, { schema, onMigration })
      expect(notices).toEqual([])
      for (const analysis of analysedArticles()) await store.putDocument({ analysis })
      const written = await m.read(store)
      await store.close()
      // Back to the schema before the migration: undone, its version not applied.
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: TEST_PG_URL })
      await client.connect()
      await client.query(
        `${m.undo.postgres.map((sql) => `${sql.replaceAll('$s.', `${schema}.`)}; `).join('')}DELETE FROM ${schema}.schema_migrations WHERE version = ${m.version}`,
      )
      await client.end()
      const reopened = await PostgresStore.open(TEST_PG_URL, { schema, onMigration })
      expect(notices).toEqual([m.version])
      for (const list of written) expect(list.length).toBeGreaterThan(0)
      expect(await m.read(reopened)).toEqual(written)
      await reopened.close()
    },
  )

  it('takes the schema from the URL', async () => {
    const schema = freshSchemaName('url')
    schemas.push(schema)
    const store = await PostgresStore.open(`${TEST_PG_URL}?schema=${schema}`)
    expect(store.schema).toBe(schema)
    await store.putDocument({ analysis: fixtureAnalysis(IRGC_PRESS_TV) })
    expect((await store.counts()).documents).toBe(1)
    await store.close()
  })

  it('stores each article once when two writers race on it', async () => {
    const store = await fresh('race')
    const analysis = fixtureAnalysis(KHAMENEHI_SPEECH)
    const results = await Promise.all([1, 2, 3].map(() => store.putDocument({ analysis })))
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'stored'])
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(await store.counts()).toMatchObject({ documents: 1, statements: 3 })
    await store.close()
  })

  it('says clearly when the server cannot be reached, without the password', async () => {
    const error = await PostgresStore.open('postgres://someone:secret@127.0.0.1:1/none').catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StoreError)
    expect((error as Error).message).toMatch(
      /cannot reach PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none/,
    )
    expect((error as Error).message).not.toMatch(/secret/)
    expect(redactUrl('postgres://a:b@h/d')).toBe('postgres://a:***@h/d')
  })
})
