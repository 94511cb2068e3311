/**
 * Picks the store from a `--db` value or `CLAIMTRAIL_DB`: a postgres:// URL selects PostgreSQL,
 * anything else is a SQLite file (default `./claimtrail.db`).
 */
import { SqliteStore } from './sqlite/sqlite-store.js'
import type { MigrationNotice, Store } from './types.js'

export const DEFAULT_DB = 'claimtrail.db'
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i

/** The database the user asked for: the flag, else the environment, else the default file. */
export function resolveDb(flag?: string): string {
  return flag ?? process.env.CLAIMTRAIL_DB ?? DEFAULT_DB
}

/** True when a `--db` value names a PostgreSQL database. */
export function isPostgresUrl(db: string): boolean {
  return POSTGRES_URL.test(db)
}

export interface OpenStoreOptions {
  /** Told of each migration that upgrades an existing store, as it starts (a backfill takes minutes). */
  onMigration?: MigrationNotice
}

/**
 * Opens (and migrates) the store a `--db` value names.
 *
 * @example const store = await openStore(resolveDb(opts.db))
 */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(db)) {
    // Loaded only for PostgreSQL: the driver and its store cost ~90 ms of every command's start.
    const { PostgresStore } = await import('./postgres/postgres-store.js')
    return PostgresStore.open(db, options)
  }
  return SqliteStore.open(db.replace(/^sqlite:(?:\/\/)?/i, ''), options)
}

/**
 * Opens a store, runs `fn` with it and closes it, whatever happens.
 *
 * @example const counts = await withStore('claimtrail.db', (store) => store.counts())
 */
export async function withStore<T>(
  db: string,
  fn: (store: Store) => Promise<T>,
  options: OpenStoreOptions = {},
): Promise<T> {
  const store = await openStore(db, options)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}
