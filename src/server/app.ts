/**
 * The HTTP API and web UI of claimtrail, as one Hono app. HTTP only: analysis comes from
 * `analyze()`, corpus queries from the `Store`; this layer parses, validates and maps errors.
 *
 * Routes: POST /api/analyze, GET /api/documents/:id, GET /api/search, GET /api/speakers,
 * GET /api/speakers/:name, GET /api/techniques, GET /api/claims, GET /api/entities/:name,
 * GET /api/health, GET /api/schema; the UI at `/`.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { formatBytes } from '../ingest/errors.js'
import type { Store } from '../store/types.js'
import type { ServerDeps } from './deps.js'
import { ApiError, errorResponse } from './errors.js'
import { analyzeRoutes } from './routes/analyze.js'
import { claimRoutes } from './routes/claims.js'
import { documentRoutes } from './routes/documents.js'
import { entityRoutes } from './routes/entities.js'
import { healthRoutes } from './routes/health.js'
import { schemaRoutes } from './routes/schema.js'
import { searchRoutes } from './routes/search.js'
import { speakerRoutes } from './routes/speakers.js'
import { techniqueRoutes } from './routes/techniques.js'
import { findStaticDir, serveAsset } from './static.js'

export interface AppOptions {
  /** The corpus store; without one, the corpus routes answer 503 and the reader still works. */
  store?: Store | null
  /** Largest request body (default 5 MB: a long article's HTML is well under 1 MB). */
  maxBodyBytes?: number
  /** Let `POST /api/analyze` fetch URLs (default true). */
  fetchUrls?: boolean
  /** The UI folder (default: src/web/static); null serves the API alone. */
  staticDir?: string | null
  /** Where server errors are logged (default: stderr). */
  log?: (line: string) => void
  /**
   * Host names the `Host` header may carry (no port); null accepts any. A server on 127.0.0.1 lists
   * its loopback names, so a web page whose domain was rebound to 127.0.0.1 (DNS rebinding) cannot
   * read the corpus through the visitor's browser.
   */
  allowedHosts?: readonly string[] | null
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024

/** The names a loopback server answers to (what `--host 127.0.0.1` allows by default). */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]']

/**
 * Only our own origin may load scripts, styles, images or data: the UI uses no external resource, and
 * a script injected through document text could not call out.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

/**
 * Builds the app. Tests call `app.request('/api/…')` on it; `claimtrail serve` hands `app.fetch` to
 * the Node server.
 *
 * @example
 * const app = createApp({ store: await openStore('claimtrail.db') })
 * const res = await app.request('/api/analyze', { method: 'POST', body: JSON.stringify({ text }) })
 */
export function createApp(options: AppOptions = {}): Hono {
  const deps: ServerDeps = {
    store: options.store ?? null,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    fetchUrls: options.fetchUrls ?? true,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  }
  const staticDir = options.staticDir === undefined ? findStaticDir() : options.staticDir
  const app = new Hono()
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null

  if (allowedHosts) {
    app.use('*', async (c, next) => {
      // @hono/node-server builds the request URL from the Host header, so its host name is the header's.
      const host = new URL(c.req.url).hostname.toLowerCase()
      if (!allowedHosts.has(host)) {
        throw new ApiError(
          403,
          'bad-host',
          `this server answers to ${[...allowedHosts].join(', ')}, not "${host}"`,
        )
      }
      await next()
    })
  }

  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value)
  })
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'too-large',
          `the request body is over the ${formatBytes(deps.maxBodyBytes)} limit`,
        )
      },
    }),
  )

  for (const routes of [
    analyzeRoutes,
    documentRoutes,
    searchRoutes,
    speakerRoutes,
    techniqueRoutes,
    claimRoutes,
    entityRoutes,
    healthRoutes,
    schemaRoutes,
  ]) {
    app.route('/api', routes(deps))
  }
  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not-found', `no API route ${c.req.method} ${c.req.path}`)
  })

  if (staticDir) {
    app.get('/', async (c) => (await serveAsset(c, staticDir, 'index.html')) ?? c.notFound())
    app.get('/:file', async (c) => (await serveAsset(c, staticDir, c.req.param('file'))) ?? c.notFound())
  }

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `nothing at ${c.req.path}` } }, 404))
  app.onError((error, c) => errorResponse(c, error, deps.log))
  return app
}
