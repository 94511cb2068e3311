/**
 * `POST /api/analyze`: text, HTML or a URL in, `claimtrail/analysis@1` out. With `save: true` the
 * analysis is also stored in the corpus and the response says under which id.
 */
import { Hono } from 'hono'
import { analyze } from '../../analyze.js'
import { fromHtml } from '../../ingest/html/from-html.js'
import { ingestSource } from '../../ingest/index.js'
import { fromText } from '../../ingest/text.js'
import type { DocumentInput } from '../../pipeline/pipeline.js'
import { requireStore, type ServerDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { AnalyzeRequestSchema, type AnalyzeRequest } from '../schemas.js'

const JSON_TYPE = /^application\/json\s*(?:;|$)/i

/**
 * Reads the body as JSON; a syntax error is a 400 that says so, not a 500. The JSON content type is
 * required: a page on another site can send a cross-origin `text/plain` POST without asking first,
 * but not an `application/json` one, so this keeps other sites from filling a local corpus.
 */
async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!JSON_TYPE.test(type)) {
    throw new ApiError(
      415,
      'unsupported-media-type',
      `send the body as JSON with "content-type: application/json" (got "${type || 'none'}")`,
    )
  }
  const raw = await request.text()
  if (!raw.trim()) throw new ApiError(400, 'bad-json', 'the request body is empty; send a JSON object')
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new ApiError(400, 'bad-json', `the request body is not valid JSON: ${(error as Error).message}`)
  }
}

async function toInput(body: AnalyzeRequest, deps: ServerDeps): Promise<DocumentInput> {
  if (body.url !== undefined) {
    if (!deps.fetchUrls) {
      throw new ApiError(
        403,
        'fetch-disabled',
        'this server does not fetch URLs (started with --no-fetch); send "html" or "text" instead',
      )
    }
    return ingestSource(body.url, { maxBytes: deps.maxBodyBytes })
  }
  if (body.html !== undefined) return fromHtml(body.html, { maxBytes: deps.maxBodyBytes, source: 'html' })
  return fromText(body.text ?? '', {
    maxBytes: deps.maxBodyBytes,
    source: 'text',
    titleFirstLine: body.titleFirstLine ?? false,
  })
}

/** The request's metadata wins over what the page says (the caller knows the real date). */
function withOverrides(doc: DocumentInput, body: AnalyzeRequest): DocumentInput {
  const meta = { ...doc.meta }
  if (body.published !== undefined) meta.published = body.published
  if (body.title !== undefined) meta.title = body.title
  if (body.outlet !== undefined) meta.outlet = body.outlet
  return { ...doc, meta }
}

/**
 * The analyze route.
 *
 * @example app.route('/api', analyzeRoutes(deps))
 */
export function analyzeRoutes(deps: ServerDeps): Hono {
  return new Hono().post('/analyze', async (c) => {
    const body = AnalyzeRequestSchema.parse(await readJson(c.req.raw))
    const store = body.save ? requireStore(deps) : null
    const analysis = analyze(withOverrides(await toInput(body, deps), body))
    if (!store) return c.json(analysis)
    const put = await store.putDocument({ analysis, source: body.url ?? 'api' })
    return c.json({ ...analysis, stored: { id: put.id, status: put.status } })
  })
}
