/**
 * Serves the web UI (src/web/static/*): plain ES modules, CSS and HTML, no build step. Only flat file
 * names of known types are served, so no path can leave the folder.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context } from 'hono'

const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(html|js|css|svg)$/
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
}

/**
 * The folder that holds the UI: next to this module in the source tree (tsx, tests) and, from the
 * compiled `dist/server/`, back in `src/web/static` (tsc does not copy non-TS files).
 *
 * @example const dir = findStaticDir() // '/…/claimtrail/src/web/static'
 */
export function findStaticDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const candidates = [path.resolve(here, '../web/static'), path.resolve(here, '../../src/web/static')]
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null
}

/**
 * A response with one UI file, or null when there is no such file.
 *
 * @example serveAsset(c, dir, 'app.js')
 */
export async function serveAsset(c: Context, dir: string, name: string): Promise<Response | null> {
  const match = ASSET_NAME.exec(name)
  if (!match) return null
  const type = CONTENT_TYPES[match[1] as string] as string
  try {
    const body = await readFile(path.join(dir, name))
    // no-cache: the browser revalidates, so a rebuilt UI is picked up at once on a local server.
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'no-cache' })
  } catch {
    return null
  }
}
