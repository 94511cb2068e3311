/**
 * A throw-away PostgreSQL schema for tests: the database of `CLAIMTRAIL_TEST_PG` (default: the local
 * server on 127.0.0.1:5432, database `test`), a fresh schema per run, dropped afterwards.
 */
import pg from 'pg'

export const TEST_PG_URL = process.env.CLAIMTRAIL_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test'

/** Null when the server answers; otherwise why it cannot be used (the reason a skipped suite prints). */
export async function postgresUnavailable(url = TEST_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return `PostgreSQL at ${url} is unreachable (${(error as Error).message}); set CLAIMTRAIL_TEST_PG`
  } finally {
    await client.end().catch(() => {})
  }
}

/** A unique schema name for this process and call. */
export function freshSchemaName(label: string): string {
  return `ct_test_${label}_${process.pid}_${Date.now().toString(36)}_${Math.floor(performance.now() * 1000).toString(36)}`
}

/** Drops schemas made by `freshSchemaName`. */
export async function dropSchemas(schemas: string[], url = TEST_PG_URL): Promise<void> {
  if (!schemas.length) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}
