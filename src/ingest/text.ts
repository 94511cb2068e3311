/**
 * Plain text to a `DocumentInput`: decode, refuse binary and oversized input, normalise newlines, and mark
 * paragraphs as blocks. Inside a paragraph nothing is rewritten: quotes, spaces and dashes stay as written.
 */
import type { Diagnostic } from '../model/diagnostics.js'
import type { DocumentInput } from '../pipeline/pipeline.js'
import { assertNotBinary, decodeBytes } from './decode.js'
import { DEFAULT_MAX_BYTES, IngestError, formatBytes } from './errors.js'
import { paragraphBlocks } from './paragraphs.js'

export interface TextOptions {
  /** Treat the first paragraph as the title (block kind 'title', and `meta.title`). Default false. */
  titleFirstLine?: boolean
  /** Largest input accepted, in bytes (strings are measured as UTF-8). Default 20 MB. */
  maxBytes?: number
  /** Charset declared by the caller (e.g. a Content-Type header) for byte input. */
  charset?: string | null
  /** Where the input came from, for messages ("article.txt", "stdin"). */
  source?: string
}

const CRLF = /\r\n?/g

/** `\r\n` and lone `\r` (old Mac files) become `\n`, so offsets agree with every later tool. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(CRLF, '\n') : text
}

/** Throws `too-large` before any work is done, so a huge input fails at once. */
export function assertSize(size: number, maxBytes: number, source: string): void {
  if (size > maxBytes) {
    throw new IngestError(
      'too-large',
      `${source} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise maxBytes to accept it)`,
      { source },
    )
  }
}

/** Decodes byte input (strings pass through, minus a leading BOM) and refuses binary data. */
export function textOf(
  input: string | Uint8Array,
  options: { charset?: string | null; source: string; maxBytes: number },
): { text: string; charset: string | null; diagnostics: Diagnostic[] } {
  if (typeof input === 'string') {
    // A string's UTF-8 size is at least its length, so the cheap check runs first.
    assertSize(input.length, options.maxBytes, options.source)
    if (Number.isFinite(options.maxBytes))
      assertSize(Buffer.byteLength(input), options.maxBytes, options.source)
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    if (text.includes('\0')) {
      throw new IngestError('binary', `${options.source} contains NUL characters: binary data, not text`, {
        source: options.source,
      })
    }
    return { text, charset: null, diagnostics: [] }
  }
  assertSize(input.byteLength, options.maxBytes, options.source)
  assertNotBinary(input, options.source)
  return decodeBytes(input, { declared: options.charset ?? null, source: options.source })
}

/**
 * Ingests plain text.
 *
 * @example
 * const doc = fromText('Salami warns Israel\n\nThe commander said on Tuesday…', { titleFirstLine: true })
 * doc.blocks // [{ start: 0, end: 19, kind: 'title' }, { start: 21, end: 49, kind: 'paragraph' }]
 */
export function fromText(input: string | Uint8Array, options: TextOptions = {}): DocumentInput {
  const source = options.source ?? 'text input'
  const decoded = textOf(input, {
    charset: options.charset ?? null,
    source,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  })
  const text = normalizeNewlines(decoded.text)
  const blocks = paragraphBlocks(text, { titleFirst: options.titleFirstLine ?? false })
  if (blocks.length === 0) {
    throw new IngestError('empty', `${source} is empty (no visible text)`, { source })
  }
  const first = blocks[0]
  const title = options.titleFirstLine && first ? text.slice(first.start, first.end) : null
  const doc: DocumentInput = { text, blocks, meta: { title } }
  if (decoded.diagnostics.length > 0) doc.diagnostics = decoded.diagnostics
  return doc
}
