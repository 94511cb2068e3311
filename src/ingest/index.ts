/**
 * The front door of ingest: any source (file path, URL, or '-' for stdin) or batch record becomes a
 * `DocumentInput`. Format detection is in detect.ts; the work is in text.ts, html/ and fetch.ts.
 */
import { readFile, stat } from 'node:fs/promises'
import type { Diagnostic } from '../model/diagnostics.js'
import type { DocumentInput } from '../pipeline/pipeline.js'
import { normalizeDate } from './dates.js'
import { detectFormat, sourceKind, type ContentFormat } from './detect.js'
import { DEFAULT_MAX_BYTES, IngestError, formatBytes } from './errors.js'
import { fetchUrl, type FetchOptions } from './fetch.js'
import { fromHtml } from './html/from-html.js'
import type { JsonlRecord } from './jsonl.js'
import { fromText } from './text.js'

export interface IngestOptions extends Omit<FetchOptions, 'maxBytes'> {
  /** Force a format instead of detecting it. Default 'auto'. */
  format?: ContentFormat | 'auto'
  /** Publication date that overrides the page's metadata (any form `normalizeDate` reads). */
  published?: string | null
  /** Title that overrides the page's metadata. */
  title?: string | null
  /** Plain text only: the first paragraph is the title. */
  titleFirstLine?: boolean
  /** Largest input, in bytes. Default 20 MB for files and stdin, 10 MB for URLs. */
  maxBytes?: number
  /** The stream read for '-' (default: process.stdin); tests pass their own. */
  stdin?: AsyncIterable<Uint8Array | string>
}

const URL_MAX_BYTES = 10 * 1024 * 1024
const JSONL_EXTENSION = /\.jsonl$/i

/**
 * Reads a file, URL or stdin and ingests it as text or HTML.
 *
 * @example
 * const doc = await ingestSource('https://www.tasnimnews.com/en/news/2022/09/01/…')
 * const analysis = analyze(doc)
 * @example
 * const doc = await ingestSource('article.txt', { titleFirstLine: true, published: '2022-09-01' })
 */
export async function ingestSource(source: string, options: IngestOptions = {}): Promise<DocumentInput> {
  const published = overridePublished(options.published)
  const kind = sourceKind(source)
  let doc: DocumentInput
  if (kind === 'url') {
    const page = await fetchUrl(source, { ...options, maxBytes: options.maxBytes ?? URL_MAX_BYTES })
    const charset = page.charsetSource === 'guess' ? null : page.charset
    const format = detectFormat({
      content: page.bytes,
      contentType: page.contentType,
      format: options.format ?? 'auto',
    })
    doc =
      format === 'html'
        ? fromHtml(page.bytes, { url: page.url, charset, maxBytes: Infinity, source: page.url })
        : withUrl(fromText(page.bytes, textOptions(options, page.url, charset)), page.url)
  } else {
    const name = kind === 'stdin' ? 'stdin' : source
    if (kind === 'file' && JSONL_EXTENSION.test(source)) {
      throw new IngestError(
        'unsupported',
        `${source} is a JSONL batch; read it with readJsonl (claimtrail batch)`,
        {
          source,
        },
      )
    }
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    const bytes =
      kind === 'stdin'
        ? await readStream(options.stdin ?? process.stdin, maxBytes, name)
        : await readLocalFile(source, maxBytes)
    const format = detectFormat({
      content: bytes,
      path: kind === 'file' ? source : null,
      format: options.format ?? 'auto',
    })
    doc =
      format === 'html'
        ? fromHtml(bytes, { maxBytes, source: name })
        : fromText(bytes, textOptions(options, name, null))
  }
  return applyOverrides(doc, { published, title: options.title ?? null })
}

/**
 * A JSONL batch record to a `DocumentInput`: HTML is extracted, text is taken as is, and the record's own
 * fields (title, published, url, outlet) override what the page says.
 *
 * @example toDocumentInput({ id: '17', text: 'Salami said…', published: '2022-09-01' }).meta?.published
 */
export function toDocumentInput(record: JsonlRecord, options: { maxBytes?: number } = {}): DocumentInput {
  const source = `record ${record.id}`
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const doc =
    record.html !== undefined
      ? fromHtml(record.html, { url: record.url ?? null, source, maxBytes })
      : fromText(record.text ?? '', { source, maxBytes })
  doc.id = record.id
  const diagnostics: Diagnostic[] = []
  let published: string | null = null
  if (record.published) {
    published = normalizeDate(record.published)
    if (!published) {
      diagnostics.push({
        stage: 'ingest',
        rule: 'published-unreadable',
        severity: 'warning',
        message: `record ${record.id}: "published" value "${record.published.slice(0, 60)}" is not a date; ignored`,
      })
    }
  }
  const meta = { ...doc.meta }
  if (record.url) meta.url = record.url
  if (record.outlet) meta.outlet = record.outlet
  if (diagnostics.length > 0) doc.diagnostics = [...(doc.diagnostics ?? []), ...diagnostics]
  doc.meta = meta
  return applyOverrides(doc, { published, title: record.title ?? null })
}

function textOptions(
  options: IngestOptions,
  source: string,
  charset: string | null,
): Parameters<typeof fromText>[1] {
  return { titleFirstLine: options.titleFirstLine ?? false, maxBytes: Infinity, source, charset }
}

function withUrl(doc: DocumentInput, url: string): DocumentInput {
  doc.meta = { ...doc.meta, url }
  return doc
}

function overridePublished(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  const published = normalizeDate(value)
  if (!published) {
    throw new IngestError('bad-option', `--published "${value}" is not a date; use YYYY-MM-DD`)
  }
  return published
}

function applyOverrides(
  doc: DocumentInput,
  overrides: { published: string | null; title: string | null },
): DocumentInput {
  if (overrides.published) doc.meta = { ...doc.meta, published: overrides.published }
  if (overrides.title) doc.meta = { ...doc.meta, title: overrides.title }
  return doc
}

async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number
  try {
    const info = await stat(path)
    if (info.isDirectory())
      throw new IngestError('unreadable', `${path} is a directory, not a file`, { source: path })
    size = info.size
  } catch (error) {
    if (error instanceof IngestError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new IngestError('not-found', `${path}: no such file`, { source: path, cause: error })
    throw new IngestError('unreadable', `${path}: ${(error as Error).message}`, {
      source: path,
      cause: error,
    })
  }
  if (size > maxBytes) {
    throw new IngestError(
      'too-large',
      `${path} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`,
      {
        source: path,
      },
    )
  }
  return readFile(path)
}

/** Reads a stream up to `maxBytes`, failing as soon as it goes over (a 1 GB pipe is never buffered). */
export async function readStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
  name: string,
): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
    total += bytes.byteLength
    if (total > maxBytes) {
      throw new IngestError('too-large', `${name} is over the ${formatBytes(maxBytes)} limit`, {
        source: name,
      })
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks, total)
}
