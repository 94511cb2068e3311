/**
 * Where the project's files are at run time. The CLI runs from dist/cli/, the tests from src/cli/: both
 * are two folders below the project root.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root (the folder holding package.json). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
}

/**
 * The public data folder: `CLAIMTRAIL_DATA`, else `../shared/data` beside the project root.
 *
 * @example dataDir() // '/work/shared/data'
 */
export function dataDir(): string {
  return process.env.CLAIMTRAIL_DATA ?? path.resolve(projectRoot(), '..', 'shared', 'data')
}
