/**
 * The one error ingest throws: the source itself cannot become a document (empty, binary, too large,
 * unreachable). Problems *inside* a readable document (a bad byte, a missing date) are diagnostics instead.
 */

/** Why a source could not be ingested; stable strings that callers (CLI, server) can switch on. */
export type IngestErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'too-many-redirects'
  | 'content-type'
  | 'network'
  | 'bad-url'
  | 'not-found'
  | 'unreadable'
  | 'unsupported'
  | 'bad-option'

/**
 * A source that cannot be ingested. `message` says what went wrong and where (file, URL or line).
 *
 * @example
 * try { fromText('') } catch (e) { if (e instanceof IngestError && e.code === 'empty') skip() }
 */
export class IngestError extends Error {
  readonly code: IngestErrorCode
  /** The file, URL or stream the error is about, when known. */
  readonly source: string | undefined

  constructor(code: IngestErrorCode, message: string, options: { source?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'IngestError'
    this.code = code
    this.source = options.source
  }
}

/** Human size for messages: "20 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`
  return `${bytes} bytes`
}

/** The default size limit for one document's bytes: big enough for any article, small enough to fail fast. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
