/**
 * Expands what the user named on the command line (files, folders, JSONL batches, URLs, RSS/Atom
 * feeds, '-') into a stream of documents to ingest. A source that cannot be read becomes a failed item
 * with its reason; the stream goes on. Everything is streamed: a folder of a million files or a 1 GB
 * JSONL batch is never held in memory.
 */
import { opendir, stat } from 'node:fs/promises'
import path from 'node:path'
import Parser from 'rss-parser'
import { IngestError } from '../ingest/errors.js'
import { ingestSource, toDocumentInput } from '../ingest/index.js'
import { readJsonl } from '../ingest/jsonl.js'
import { detectFormat, sourceKind } from '../ingest/detect.js'
import { fetchUrl, type FetchOptions } from '../ingest/fetch.js'
import { fromHtml } from '../ingest/html/from-html.js'
import { fromText } from '../ingest/text.js'
import type { DocumentInput } from '../pipeline/pipeline.js'

export type SourceItem =
  { ok: true; source: string; input: DocumentInput } | { ok: false; source: string; reason: string }

export interface SourceOptions {
  /** Publication date for documents that do not carry one (YYYY-MM-DD). */
  published?: string
  /** Outlet name for documents that do not carry one. */
  outlet?: string
  fetch?: FetchOptions
}

/** Files a folder walk picks up: text, HTML and JSONL batches. */
const INGESTIBLE = /\.(?:txt|text|md|html?|jsonl)$/i
const JSONL = /\.jsonl$/i
const FEED_FILE = /\.(?:rss|atom|xml)$/i
const FEED_TYPE = /^application\/(?:rss|atom)\+xml$|^(?:application|text)\/xml$/
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/

const feedParser = new Parser()

/** A clear one-line reason for any error a source may throw. */
export function reasonOf(error: unknown): string {
  if (error instanceof IngestError) return error.message
  const e = error as { code?: string; message?: string }
  return e.message ? `${e.code ? `${e.code}: ` : ''}${e.message}` : String(error)
}

function withDefaults(input: DocumentInput, options: SourceOptions): DocumentInput {
  const meta = { ...input.meta }
  if (!meta.published && options.published) meta.published = options.published
  if (!meta.outlet && options.outlet) meta.outlet = options.outlet
  return { ...input, meta }
}

/** True when fetched bytes are an RSS or Atom feed rather than a page. */
function looksLikeFeed(contentType: string | null, head: string): boolean {
  if (contentType && /rss|atom/.test(contentType)) return true
  return (contentType === null || FEED_TYPE.test(contentType)) && FEED_ROOT.test(head)
}

/** The items of a feed: each item's link, with its date and title as fallbacks for the page's own. */
async function* feedItems(
  xml: string,
  feedSource: string,
  options: SourceOptions,
): AsyncGenerator<SourceItem> {
  let feed: Awaited<ReturnType<typeof feedParser.parseString>>
  try {
    feed = await feedParser.parseString(xml)
  } catch (error) {
    yield { ok: false, source: feedSource, reason: `${feedSource}: broken feed (${reasonOf(error)})` }
    return
  }
  for (const [i, item] of feed.items.entries()) {
    const link = item.link ?? (item.guid?.startsWith('http') ? item.guid : undefined)
    const label = link ?? `${feedSource} item ${i + 1}`
    if (!link) {
      yield { ok: false, source: label, reason: `${label}: feed item has no link` }
      continue
    }
    try {
      const input = await ingestSource(link, options.fetch ?? {})
      const published = item.isoDate?.slice(0, 10)
      const meta = { ...input.meta }
      if (!meta.published && published) meta.published = published
      if (!meta.title && item.title) meta.title = item.title
      if (!meta.outlet && feed.title) meta.outlet = feed.title
      yield { ok: true, source: link, input: withDefaults({ ...input, meta }, options) }
    } catch (error) {
      yield { ok: false, source: link, reason: reasonOf(error) }
    }
  }
}

async function* fromUrl(url: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  let page: Awaited<ReturnType<typeof fetchUrl>>
  try {
    page = await fetchUrl(url, options.fetch ?? {})
  } catch (error) {
    yield { ok: false, source: url, reason: reasonOf(error) }
    return
  }
  const head = Buffer.from(page.bytes.subarray(0, 4096)).toString('utf8')
  if (looksLikeFeed(page.contentType, head)) {
    yield* feedItems(Buffer.from(page.bytes).toString('utf8'), url, options)
    return
  }
  try {
    const charset = page.charsetSource === 'guess' ? null : page.charset
    const format = detectFormat({ content: page.bytes, contentType: page.contentType })
    const input =
      format === 'html'
        ? fromHtml(page.bytes, { url: page.url, charset, maxBytes: Infinity, source: page.url })
        : fromText(page.bytes, { source: page.url, charset, maxBytes: Infinity })
    input.meta = { ...input.meta, url: input.meta?.url ?? page.url }
    yield { ok: true, source: url, input: withDefaults(input, options) }
  } catch (error) {
    yield { ok: false, source: url, reason: reasonOf(error) }
  }
}

async function* fromJsonl(file: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  try {
    for await (const entry of readJsonl(file)) {
      const source = `${file}:${entry.lineNumber}`
      if ('error' in entry) {
        yield { ok: false, source, reason: `${file}: ${entry.error}` }
        continue
      }
      try {
        yield { ok: true, source, input: withDefaults(toDocumentInput(entry.record), options) }
      } catch (error) {
        yield { ok: false, source, reason: `${source}: ${reasonOf(error)}` }
      }
    }
  } catch (error) {
    yield { ok: false, source: file, reason: `${file}: ${reasonOf(error)}` }
  }
}

async function* fromFile(file: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  if (JSONL.test(file)) {
    yield* fromJsonl(file, options)
    return
  }
  if (FEED_FILE.test(file)) {
    const { readFile } = await import('node:fs/promises')
    try {
      yield* feedItems(await readFile(file, 'utf8'), file, options)
    } catch (error) {
      yield { ok: false, source: file, reason: `${file}: ${reasonOf(error)}` }
    }
    return
  }
  try {
    yield { ok: true, source: file, input: withDefaults(await ingestSource(file), options) }
  } catch (error) {
    yield { ok: false, source: file, reason: reasonOf(error) }
  }
}

/** Files under a folder, recursively, in name order (hidden files and folders skipped). */
export async function* walk(dir: string): AsyncGenerator<string> {
  const entries: { name: string; folder: boolean }[] = []
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue
    entries.push({ name: entry.name, folder: entry.isDirectory() })
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.folder) yield* walk(full)
    else if (INGESTIBLE.test(entry.name)) yield full
  }
}

/**
 * Every document the given sources hold, in order.
 *
 * @example
 * for await (const item of expandSources(['articles/', 'https://example.org/feed.xml'])) {
 *   if (item.ok) store(item.input); else console.warn(item.reason)
 * }
 */
export async function* expandSources(
  sources: string[],
  options: SourceOptions = {},
): AsyncGenerator<SourceItem> {
  for (const source of sources) {
    const kind = sourceKind(source)
    if (kind === 'url') {
      yield* fromUrl(source, options)
      continue
    }
    if (kind === 'stdin') {
      try {
        yield { ok: true, source: 'stdin', input: withDefaults(await ingestSource('-'), options) }
      } catch (error) {
        yield { ok: false, source: 'stdin', reason: reasonOf(error) }
      }
      continue
    }
    let isDir = false
    try {
      isDir = (await stat(source)).isDirectory()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      yield {
        ok: false,
        source,
        reason: code === 'ENOENT' ? `${source}: no such file or folder` : `${source}: ${reasonOf(error)}`,
      }
      continue
    }
    if (!isDir) {
      yield* fromFile(source, options)
      continue
    }
    try {
      for await (const file of walk(source)) yield* fromFile(file, options)
    } catch (error) {
      yield { ok: false, source, reason: `${source}: ${reasonOf(error)}` }
    }
  }
}

/**
 * How many documents the sources hold, when that can be known cheaply (local files and JSONL lines);
 * null when a URL or stdin is among them (a feed's size is known only once fetched).
 */
export async function countDocuments(sources: string[]): Promise<number | null> {
  let total = 0
  const countFile = async (file: string): Promise<number> => {
    if (!JSONL.test(file)) return FEED_FILE.test(file) ? Number.NaN : 1
    const { createReadStream } = await import('node:fs')
    let lines = 0
    let last = 10
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++
      last = chunk[chunk.length - 1] ?? last
    }
    return last === 10 ? lines : lines + 1
  }
  for (const source of sources) {
    if (sourceKind(source) !== 'file') return null
    try {
      if ((await stat(source)).isDirectory()) {
        for await (const file of walk(source)) total += await countFile(file)
      } else total += await countFile(source)
    } catch {
      total += 1
    }
  }
  return Number.isNaN(total) ? null : total
}
