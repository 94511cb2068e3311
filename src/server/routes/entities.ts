/**
 * `GET /api/entities/:name`: an entity's page: the statements that mention it and the documents it
 * appears in, each with facets. The store resolves the name like a speaker name (variants, surnames).
 */
import { Hono } from 'hono'
import { requireStore, type ServerDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { PageFiltersSchema, definedOnly } from '../schemas.js'

/** Enough hits for one page; the search page pages further. */
const PAGE_LIMIT = 100

/**
 * The entity route.
 *
 * @example app.route('/api', entityRoutes(deps)) // GET /api/entities/Hezbollah
 */
export function entityRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/entities/:name', async (c) => {
    const name = c.req.param('name').trim()
    if (!name) throw new ApiError(400, 'bad-request', 'an entity name is required')
    const filters = definedOnly(PageFiltersSchema.parse(c.req.query()))
    const store = requireStore(deps)
    const base = { ...filters, entity: name, text: '', limit: PAGE_LIMIT }
    const [statements, documents] = await Promise.all([
      store.search({ ...base, target: 'statements' }),
      store.search({ ...base, target: 'documents' }),
    ])
    if (documents.total === 0)
      throw new ApiError(404, 'not-found', `no entity called "${name}" in the corpus`)
    return c.json({ name, statements, documents })
  })
}
