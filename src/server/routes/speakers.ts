/**
 * `GET /api/speakers`: who speaks in the corpus, with counts; `GET /api/speakers/:name`: everything one
 * speaker said, across name variants, oldest first (the UI draws its timeline from it).
 */
import { Hono } from 'hono'
import { requireStore, type ServerDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { PageFiltersSchema, SpeakersParamsSchema, definedOnly } from '../schemas.js'

/**
 * The speaker routes.
 *
 * @example app.route('/api', speakerRoutes(deps)) // GET /api/speakers/Hossein%20Salami
 */
export function speakerRoutes(deps: ServerDeps): Hono {
  return new Hono()
    .get('/speakers', async (c) => {
      const params = definedOnly(SpeakersParamsSchema.parse(c.req.query()))
      return c.json({ speakers: await requireStore(deps).speakers(params) })
    })
    .get('/speakers/:name', async (c) => {
      const name = c.req.param('name').trim()
      if (!name) throw new ApiError(400, 'bad-request', 'a speaker name is required')
      const filters = definedOnly(PageFiltersSchema.parse(c.req.query()))
      const profile = await requireStore(deps).speaker(name, filters)
      if (!profile) throw new ApiError(404, 'not-found', `no speaker called "${name}" in the corpus`)
      return c.json(profile)
    })
}
