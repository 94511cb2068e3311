/**
 * JSON Lines batches: one document per line. The file is streamed line by line (never loaded whole, so a
 * 1 GB batch uses a few MB), and a bad line yields an error entry instead of stopping the batch.
 */
import { createReadStream } from 'node:fs'
import { z } from 'zod'
import { IngestError, formatBytes } from './errors.js'

/** One document of a batch. `id` may be a number in the file; it is always a string here. */
export const JsonlRecordSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    text: z.string().optional(),
    html: z.string().optional(),
    published: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    outlet: z.string().nullable().optional(),
  })
  .refine((r) => r.text !== undefined || r.html !== undefined, {
    message: 'needs a "text" or an "html" field',
  })
export type JsonlRecord = z.output<typeof JsonlRecordSchema>

/** What each non-blank line yields: the record, or why the line was skipped. Line numbers start at 1. */
export type JsonlEntry = { lineNumber: number; record: JsonlRecord } | { lineNumber: number; error: string }

export interface JsonlOptions {
  /** Longest line accepted; longer lines yield an error entry and are skipped unread. Default 20 MB. */
  maxLineBytes?: number
}

const DEFAULT_MAX_LINE_BYTES = 20 * 1024 * 1024
const NEWLINE = 0x0a
const utf8 = new TextDecoder('utf-8')

/**
 * Reads a JSONL file (path) or stream, yielding one entry per non-blank line.
 *
 * @example
 * for await (const entry of readJsonl('batch.jsonl')) {
 *   if ('error' in entry) console.warn(entry.error)
 *   else analyze(toDocumentInput(entry.record))
 * }
 */
export async function* readJsonl(
  source: string | AsyncIterable<Uint8Array | string>,
  options: JsonlOptions = {},
): AsyncGenerator<JsonlEntry> {
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  const name = typeof source === 'string' ? source : 'JSONL stream'
  let lineNumber = 0
  for await (const line of splitLines(openSource(source), maxLine, name)) {
    lineNumber++
    if (line === null) {
      yield { lineNumber, error: `line ${lineNumber} is longer than ${formatBytes(maxLine)}; skipped` }
      continue
    }
    const entry = parseLine(line, lineNumber)
    if (entry) yield entry
  }
}

/** One line to an entry, or null for a blank line. */
export function parseLine(line: string, lineNumber: number): JsonlEntry | null {
  const trimmed = (lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line).trim()
  if (!trimmed) return null
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    return { lineNumber, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` }
  }
  const parsed = JsonlRecordSchema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => (i.path.length > 0 ? `"${i.path.join('.')}": ${i.message}` : i.message))
      .join('; ')
    return { lineNumber, error: `line ${lineNumber}: ${issues}` }
  }
  return { lineNumber, record: parsed.data }
}

function openSource(source: string | AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array | string> {
  return typeof source === 'string' ? createReadStream(source) : source
}

/**
 * Splits a byte stream on `\n` (safe on UTF-8 bytes: 0x0A never occurs inside a multi-byte character),
 * dropping a trailing `\r`. Yields null for a line over `maxLine` bytes, which is skipped without being kept.
 */
async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
  maxLine: number,
  name: string,
): AsyncGenerator<string | null> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let overlong = false
  const finish = (): string | null => {
    const line = overlong ? null : utf8.decode(stripCr(Buffer.concat(pending, pendingBytes)))
    pending = []
    pendingBytes = 0
    overlong = false
    return line
  }
  try {
    for await (const chunk of chunks) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      let from = 0
      for (let nl = bytes.indexOf(NEWLINE, from); nl >= 0; nl = bytes.indexOf(NEWLINE, from)) {
        append(bytes.subarray(from, nl))
        yield finish()
        from = nl + 1
      }
      append(bytes.subarray(from))
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new IngestError('not-found', `${name}: no such file`, { source: name, cause: error })
    throw new IngestError('unreadable', `${name}: ${(error as Error).message}`, {
      source: name,
      cause: error,
    })
  }
  if (pendingBytes > 0 || overlong) yield finish()

  function append(part: Buffer): void {
    if (overlong || part.byteLength === 0) return
    if (pendingBytes + part.byteLength > maxLine) {
      overlong = true
      pending = []
      pendingBytes = 0
      return
    }
    pending.push(part)
    pendingBytes += part.byteLength
  }
}

function stripCr(line: Buffer): Buffer {
  return line.byteLength > 0 && line[line.byteLength - 1] === 0x0d ? line.subarray(0, -1) : line
}
