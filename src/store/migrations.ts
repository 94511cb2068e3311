/**
 * Versioned migrations: `migrations/<dialect>/NNN-name.sql`, applied in order, each once, each in its
 * own transaction, recorded in `schema_migrations`. A store applies them when it opens.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Migration {
  version: number
  name: string
  sql: string
}

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/

/**
 * The folder of a dialect's migrations. The SQL files live beside this module in src/; a build that
 * did not copy them into dist/ falls back to the source tree of the installed package.
 */
function migrationsDir(dialect: 'sqlite' | 'postgres'): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const beside = path.join(here, 'migrations', dialect)
  if (existsSync(beside)) return beside
  let dir = here
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return path.join(dir, 'src', 'store', 'migrations', dialect)
}

/**
 * Every migration of a dialect, in version order.
 *
 * @example loadMigrations('sqlite')[0] // { version: 1, name: 'corpus', sql: 'CREATE TABLE …' }
 */
export function loadMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = migrationsDir(dialect)
  const migrations: Migration[] = []
  for (const file of readdirSync(dir).sort()) {
    const match = MIGRATION_FILE.exec(file)
    if (!match) continue
    migrations.push({
      version: Number(match[1]),
      name: match[2] as string,
      sql: readFileSync(path.join(dir, file), 'utf8'),
    })
  }
  return migrations
}
