/**
 * `GET /api/claims`: check-worthy claims across the corpus, most check-worthy first (ties newest
 * first), each with its document, span and, when attributed, its speaker.
 */
import { Hono } from 'hono'
import type { ClaimsQuery } from '../../store/types.js'
import { requireStore, type ServerDeps } from '../deps.js'
import { ClaimsParamsSchema, definedOnly } from '../schemas.js'

/**
 * The claims route.
 *
 * @example app.route('/api', claimRoutes(deps)) // GET /api/claims?q=asylum&min=0.7&from=2015-09-01
 */
export function claimRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/claims', async (c) => {
    const { q, min, ...rest } = definedOnly(ClaimsParamsSchema.parse(c.req.query()))
    const query: ClaimsQuery = { ...rest, text: q ?? '' }
    if (min !== undefined) query.minCheckworthiness = min
    return c.json({ claims: await requireStore(deps).claims(query) })
  })
}
