/**
 * Fetches one page over HTTP(S) with Node's global fetch: one deadline for the whole exchange (redirects and
 * body included), redirects followed by hand so they can be counted, the body read as a stream so an
 * oversized page is cut off at the limit, and a content-type check so images and PDFs never reach the parser.
 */
import chardet from 'chardet'
import { normalizeCharset } from './decode.js'
import { IngestError, formatBytes } from './errors.js'
import { charsetFromContentType, sniffHtmlCharset } from './html/charset.js'

export interface FetchOptions {
  /** Deadline for the whole request, redirects and body included. Default 15 000 ms. */
  timeoutMs?: number
  /** Largest body accepted. Default 10 MB. */
  maxBytes?: number
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number
  userAgent?: string
  /** Cancels the request from outside (e.g. the CLI on Ctrl-C). */
  signal?: AbortSignal
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string
  /** The Content-Type header's media type, lower-cased ("text/html"), or null when absent. */
  contentType: string | null
  bytes: Uint8Array
  /** The charset: from the header, else the page's own `<meta>`, else chardet's guess, else null. */
  charset: string | null
  /** Where `charset` came from: a guess should not override what the bytes themselves show. */
  charsetSource: 'header' | 'page' | 'guess' | null
}

export const DEFAULT_USER_AGENT = 'claimtrail/0.1 (+https://github.com/claimtrail/claimtrail)'
const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
const DEFAULT_MAX_REDIRECTS = 5

/** Media types we can read: HTML, XML (XHTML, feeds), plain text and JSON. */
const TEXTUAL = /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?(?:xml|json))$/

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Fetches a URL and returns its bytes.
 *
 * @example
 * const page = await fetchUrl('https://www.tasnimnews.com/en/news/2022/09/01/…', { timeoutMs: 10_000 })
 * const doc = fromHtml(page.bytes, { url: page.url, charset: page.charset })
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  let current = checkUrl(url)

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onOuterAbort = (): void => controller.abort()
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })

  const fail = (error: unknown): never => {
    if (error instanceof IngestError) throw error
    if (timedOut) {
      throw new IngestError('timeout', `timed out after ${seconds(timeoutMs)} fetching ${current}`, {
        source: current,
        cause: error,
      })
    }
    if (options.signal?.aborted) {
      throw new IngestError('network', `fetching ${current} was cancelled`, { source: current, cause: error })
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const detail = cause?.code ?? cause?.message ?? (error as Error).message
    throw new IngestError('network', `could not fetch ${current}: ${detail}`, {
      source: current,
      cause: error,
    })
  }

  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      }).catch(fail)

      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {})
        const location = response.headers.get('location')
        if (!location) {
          throw new IngestError(
            'http-status',
            `HTTP ${response.status} from ${current} without a Location header`,
            {
              source: current,
            },
          )
        }
        if (hops >= maxRedirects) {
          throw new IngestError(
            'too-many-redirects',
            `more than ${maxRedirects} redirects fetching ${url} (last: ${current} → ${location})`,
            { source: url },
          )
        }
        current = checkUrl(new URL(location, current).href)
        continue
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {})
        throw new IngestError(
          'http-status',
          `HTTP ${response.status} ${response.statusText} fetching ${current}`,
          {
            source: current,
          },
        )
      }

      const header = response.headers.get('content-type')
      const contentType = header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null
      if (contentType && !TEXTUAL.test(contentType)) {
        await response.body?.cancel().catch(() => {})
        throw new IngestError('content-type', `${current} is ${contentType}, not HTML, XML, text or JSON`, {
          source: current,
        })
      }
      const declaredLength = Number(response.headers.get('content-length') ?? NaN)
      if (declaredLength > maxBytes) {
        await response.body?.cancel().catch(() => {})
        throw tooLarge(current, maxBytes, declaredLength)
      }
      const bytes = await readBody(response, maxBytes, current).catch(fail)
      return { url: current, contentType, bytes, ...detectCharset(header, contentType, bytes) }
    }
  } catch (error) {
    return fail(error)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}

function checkUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new IngestError('bad-url', `"${url}" is not a valid URL`, { source: url })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new IngestError('bad-url', `${url}: only http and https URLs can be fetched`, { source: url })
  }
  return parsed.href
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(url, maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}

function tooLarge(url: string, maxBytes: number, declared?: number): IngestError {
  const size = declared === undefined ? 'more than' : `${formatBytes(declared)}, over`
  return new IngestError('too-large', `${url} is ${size} the ${formatBytes(maxBytes)} limit`, { source: url })
}

/** Header charset, then the page's own declaration (HTML or XML), then chardet, else null. */
function detectCharset(
  header: string | null,
  contentType: string | null,
  bytes: Uint8Array,
): Pick<FetchedPage, 'charset' | 'charsetSource'> {
  const fromHeader = normalizeCharset(charsetFromContentType(header))
  if (fromHeader) return { charset: fromHeader, charsetSource: 'header' }
  if (!contentType || contentType.includes('html') || contentType.includes('xml')) {
    const fromPage = normalizeCharset(sniffHtmlCharset(bytes))
    if (fromPage) return { charset: fromPage, charsetSource: 'page' }
  }
  const guess = bytes.byteLength > 0 ? normalizeCharset(chardet.detect(bytes)) : null
  return guess ? { charset: guess, charsetSource: 'guess' } : { charset: null, charsetSource: null }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
