/** `GET /api/schema`: the JSON Schema of `claimtrail/analysis@1`, generated from the one zod schema. */
import { Hono } from 'hono'
import { analysisJsonSchema } from '../../model/analysis.js'

/** Built once: the schema never changes while the process runs. */
let cached: unknown = null

/**
 * The schema route.
 *
 * @example app.route('/api', schemaRoutes()) // GET /api/schema
 */
export function schemaRoutes(): Hono {
  return new Hono().get('/schema', (c) => {
    cached ??= analysisJsonSchema()
    return c.json(cached as object)
  })
}
