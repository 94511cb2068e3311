/** `GET /api/health`: liveness, the engine version and the corpus counts (when a store is attached). */
import { Hono } from 'hono'
import { ENGINE } from '../../pipeline/pipeline.js'
import type { ServerDeps } from '../deps.js'

/**
 * The health route.
 *
 * @example app.route('/api', healthRoutes(deps)) // { ok: true, engine, store: { kind, counts } }
 */
export function healthRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/health', async (c) => {
    const store = deps.store
    return c.json({
      ok: true,
      engine: ENGINE,
      store: store ? { kind: store.kind, location: store.location, counts: await store.counts() } : null,
    })
  })
}
