/** `GET /api/documents/:id`: a stored document's analysis, with its wire-copy links. */
import { Hono } from 'hono'
import { requireStore, type ServerDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { DocumentIdSchema } from '../schemas.js'

/**
 * The document route.
 *
 * @example app.route('/api', documentRoutes(deps))
 */
export function documentRoutes(deps: ServerDeps): Hono {
  return new Hono().get('/documents/:id', async (c) => {
    const parsed = DocumentIdSchema.safeParse(c.req.param('id'))
    if (!parsed.success)
      throw new ApiError(
        400,
        'bad-request',
        `document id must be a positive whole number, got "${c.req.param('id')}"`,
      )
    const doc = await requireStore(deps).getDocument(parsed.data)
    if (!doc) throw new ApiError(404, 'not-found', `no document with id ${parsed.data}`)
    return c.json({
      ...doc.analysis,
      stored: {
        id: doc.id,
        source: doc.source,
        nearDuplicateOf: doc.nearDuplicateOf,
        copies: doc.copies,
      },
    })
  })
}
