/**
 * Where the stage's shipped files live: `models/techniques/` and `data/techniques/` under the project
 * root, found by walking up from this module (it runs from src/ in tests and from dist/ when built).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project root (the folder holding package.json).
 *
 * @example
 * path.join(projectRoot(), 'models', 'techniques')
 */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
}

/** The shipped model folder. @example readFileSync(path.join(modelDir(), 'model.bin.gz')) */
export function modelDir(): string {
  return path.join(projectRoot(), 'models', 'techniques')
}

/** The built lexicon folder. @example path.join(dataDir(), 'cue-lexicon.tsv') */
export function dataDir(): string {
  return path.join(projectRoot(), 'data', 'techniques')
}
