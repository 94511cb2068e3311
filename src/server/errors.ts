/**
 * HTTP errors: every failure leaves the API as `{ error: { code, message } }` with a 4xx or 5xx status.
 * Errors from the layers below (ingest, filters, store, zod) are mapped here, in one table, so the
 * routes only throw and never build error bodies themselves.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ZodError } from 'zod'
import { IngestError, type IngestErrorCode } from '../ingest/errors.js'
import { FilterError } from '../search/filters.js'
import { StoreError } from '../store/rows.js'

/** Stable error codes clients may switch on. */
export type ApiErrorCode =
  | 'bad-json'
  | 'bad-request'
  | 'too-large'
  | 'unsupported-media-type'
  | 'not-found'
  | 'no-store'
  | 'unprocessable'
  | 'fetch-failed'
  | 'fetch-disabled'
  | 'bad-host'
  | 'store-error'
  | 'internal'

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ApiErrorCode; message: string }
}

/**
 * An error a route throws on purpose; the app's error handler turns it into the response.
 *
 * @example throw new ApiError(404, 'not-found', 'no document with id 17')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Ingest failures that come from fetching a URL: the remote side failed, not the request (502). */
const FETCH_CODES: ReadonlySet<IngestErrorCode> = new Set([
  'timeout',
  'http-status',
  'too-many-redirects',
  'content-type',
  'network',
])

/** One line per zod issue, with the field path, so a client sees every problem at once. */
function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/**
 * Maps any thrown value to an `ApiError`. Unknown errors become a 500 whose message hides internals.
 *
 * @example toApiError(new IngestError('empty', 'text input is empty')).status // 422
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof ZodError) return new ApiError(400, 'bad-request', zodMessage(error))
  if (error instanceof FilterError) return new ApiError(400, 'bad-request', error.message)
  if (error instanceof IngestError) {
    if (error.code === 'too-large') return new ApiError(413, 'too-large', error.message)
    if (error.code === 'bad-url' || error.code === 'bad-option')
      return new ApiError(400, 'bad-request', error.message)
    if (FETCH_CODES.has(error.code)) return new ApiError(502, 'fetch-failed', error.message)
    return new ApiError(422, 'unprocessable', error.message)
  }
  if (error instanceof StoreError) return new ApiError(503, 'store-error', error.message)
  return new ApiError(500, 'internal', 'internal error (see the server log)')
}

/**
 * The error response for a thrown value; 5xx errors are logged with their stack.
 *
 * @example app.onError((err, c) => errorResponse(c, err))
 */
export function errorResponse(c: Context, error: unknown, log: (line: string) => void): Response {
  const api = toApiError(error)
  if (api.status >= 500) log(`${c.req.method} ${c.req.path}: ${(error as Error)?.stack ?? String(error)}`)
  const body: ErrorBody = { error: { code: api.code, message: api.message } }
  return c.json(body, api.status)
}
