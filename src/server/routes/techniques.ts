/**
 * `GET /api/techniques?by=speaker|outlet`: persuasion techniques per voice — inside each speaker's
 * attributed statements, or in each outlet's own voice — with counts per technique, most uses first.
 */
import { Hono } from 'hono'
import { requireStore, type ServerDeps } from '../deps.js'
import { TechniquesParamsSchema, definedOnly } from '../schemas.js'

/**
 * The technique routes.
 *
 * @example app.route('/api', techniqueRoutes(deps)) // GET /api/techniques?by=outlet&from=2022-01-01
 */
export function techniqueRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/techniques', async (c) => {
    const { by, ...filters } = definedOnly(TechniquesParamsSchema.parse(c.req.query()))
    const voices = await requireStore(deps).techniques({ ...filters, by: by ?? 'speaker' })
    return c.json({ by: by ?? 'speaker', voices })
  })
}
