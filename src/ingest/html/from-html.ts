/**
 * HTML to a `DocumentInput`: decode bytes by the declared or sniffed charset, parse (depth-guarded), read
 * metadata, extract the main text, and build the canonical text with its blocks.
 */
import type { Diagnostic } from '../../model/diagnostics.js'
import type { DocumentInput } from '../../pipeline/pipeline.js'
import { DEFAULT_MAX_BYTES, IngestError } from '../errors.js'
import { extractMetadata } from '../metadata.js'
import { textOf } from '../text.js'
import { buildText } from './blocks.js'
import { sniffHtmlCharset } from './charset.js'
import { extractMain } from './extract.js'
import { parseDocument } from './parse.js'

export interface HtmlOptions {
  /** The page's URL (final, after redirects): used for `meta.url`, relative links and the outlet fallback. */
  url?: string | null
  /** Charset from the transport (Content-Type header); beats `<meta charset>`, as in browsers. */
  charset?: string | null
  /** Largest input accepted, in bytes. Default 20 MB. */
  maxBytes?: number
  /** Where the input came from, for messages. */
  source?: string
  /** Readability gives up above this many elements and the body is used instead. Default 100 000. */
  maxElements?: number
}

/**
 * Ingests an HTML page.
 *
 * @example
 * const doc = fromHtml(await readFile('page.html'), { url: 'https://www.tasnimnews.com/en/news/…' })
 * doc.meta?.published // '2022-09-01'
 * doc.blocks?.[0]?.kind // 'title'
 */
export function fromHtml(input: string | Uint8Array, options: HtmlOptions = {}): DocumentInput {
  const source = options.source ?? options.url ?? 'HTML input'
  const declared = typeof input === 'string' ? null : (options.charset ?? sniffHtmlCharset(input))
  const decoded = textOf(input, {
    charset: declared,
    source,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  })
  const html = decoded.text
  if (!html.trim()) throw new IngestError('empty', `${source} is empty`, { source })

  const diagnostics: Diagnostic[] = [...decoded.diagnostics]
  const parsed = parseDocument(html)
  diagnostics.push(...parsed.diagnostics)
  const metadata = extractMetadata(parsed.document, { url: options.url ?? null })
  diagnostics.push(...metadata.diagnostics)
  const main = extractMain(
    parsed.document,
    html,
    options.maxElements === undefined ? {} : { maxElements: options.maxElements },
  )
  diagnostics.push(...main.diagnostics)

  const title = metadata.meta.title ?? clean(main.title)
  const { text, blocks } = buildText(main.root, title)
  if (!text) throw new IngestError('empty', `${source} has no visible text`, { source })

  const doc: DocumentInput = {
    text,
    blocks,
    meta: {
      ...metadata.meta,
      title,
      byline: metadata.meta.byline ?? clean(main.byline),
    },
  }
  if (diagnostics.length > 0) doc.diagnostics = diagnostics
  return doc
}

const SPACES = /\s+/g

function clean(s: string | null): string | null {
  const t = s?.replace(SPACES, ' ').trim()
  return t || null
}
