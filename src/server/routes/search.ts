/** `GET /api/search`: ranked statements (or documents) with facet counts. */
import { Hono } from 'hono'
import type { SearchQuery } from '../../store/types.js'
import { requireStore, type ServerDeps } from '../deps.js'
import { SearchParamsSchema, definedOnly } from '../schemas.js'

/**
 * The search route.
 *
 * @example app.route('/api', searchRoutes(deps)) // GET /api/search?q=West+Bank&speaker=Salami
 */
export function searchRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/search', async (c) => {
    const { q, in: target, ...rest } = SearchParamsSchema.parse(c.req.query())
    const query: SearchQuery = { ...definedOnly(rest), text: q ?? '', target: target ?? 'statements' }
    return c.json(await requireStore(deps).search(query))
  })
}
