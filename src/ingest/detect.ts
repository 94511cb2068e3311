/**
 * Is a source a URL, stdin or a file, and is its content HTML or plain text? Extension and Content-Type
 * decide when they are clear; otherwise the first bytes are sniffed.
 */

export type SourceKind = 'url' | 'stdin' | 'file'
export type ContentFormat = 'html' | 'text'

const URL_SCHEME = /^https?:\/\//i
const HTML_EXTENSIONS = /\.(?:html?|xhtml|shtml|php|aspx?|jsp)$/i
const TEXT_EXTENSIONS = /\.(?:txt|text|md|markdown)$/i
/** A document that announces itself: doctype, <html>, or an XML declaration (XHTML). */
const HTML_START = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml\s)/i
/** Common HTML tags; plain text with a stray "a < b" never matches these. */
const HTML_TAG =
  /<\/?(?:html|head|body|div|[pa]|span|br|script|style|meta|link|article|section|main|header|footer|nav|h[1-6]|ul|ol|li|table|tr|td|img|em|strong|[bi]|blockquote|figure|time)(?:\s[^<>]{0,500})?\/?>/gi
/** How many tags make a fragment HTML rather than text that mentions a tag. */
const MIN_TAGS = 4
/** Sniffing reads this much; enough for any page's head. */
const SNIFF_CHARS = 65536

/**
 * What kind of source a CLI argument names.
 *
 * @example sourceKind('-') // 'stdin'
 * @example sourceKind('https://example.com/a') // 'url'
 */
export function sourceKind(source: string): SourceKind {
  if (source === '-') return 'stdin'
  return URL_SCHEME.test(source) ? 'url' : 'file'
}

/**
 * The format a file name implies, or null when it says nothing.
 *
 * @example formatFromExtension('story.HTM') // 'html'
 */
export function formatFromExtension(path: string): ContentFormat | null {
  if (HTML_EXTENSIONS.test(path)) return 'html'
  if (TEXT_EXTENSIONS.test(path)) return 'text'
  return null
}

/**
 * The format a Content-Type implies, or null for types that do not say (e.g. application/octet-stream).
 *
 * @example formatFromContentType('text/html; charset=utf-8') // 'html'
 */
export function formatFromContentType(contentType: string | null | undefined): ContentFormat | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (!type) return null
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'text/plain' || type === 'text/markdown') return 'text'
  return null
}

/**
 * HTML when the content starts like a document or holds several HTML tags; text otherwise.
 *
 * @example sniffFormat('<!DOCTYPE html><html>…') // 'html'
 * @example sniffFormat('Prices rose 3% as x < y.') // 'text'
 */
export function sniffFormat(content: string | Uint8Array): ContentFormat {
  const head =
    typeof content === 'string'
      ? content.slice(0, SNIFF_CHARS)
      : Buffer.from(content.buffer, content.byteOffset, Math.min(content.byteLength, SNIFF_CHARS)).toString(
          'latin1',
        )
  const start = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head.replace(/^\xEF\xBB\xBF/, '')
  if (HTML_START.test(skipLeadingComments(start))) return 'html'
  let tags = 0
  HTML_TAG.lastIndex = 0
  while (HTML_TAG.exec(start) && ++tags < MIN_TAGS);
  return tags >= MIN_TAGS ? 'html' : 'text'
}

/** The text after leading whitespace and `<!-- … -->` comments (pages often open with a comment). */
function skipLeadingComments(s: string): string {
  let rest = s.trimStart()
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4)
    if (end < 0) return ''
    rest = rest.slice(end + 3).trimStart()
  }
  return rest
}

/**
 * Decides the format: an explicit choice, then the Content-Type, then the extension, then sniffing.
 *
 * @example detectFormat({ path: 'a.txt', content: '<p>x</p>' }) // 'text' (the extension decides)
 */
export function detectFormat(input: {
  content: string | Uint8Array
  path?: string | null
  contentType?: string | null
  format?: ContentFormat | 'auto'
}): ContentFormat {
  if (input.format && input.format !== 'auto') return input.format
  return (
    formatFromContentType(input.contentType) ??
    (input.path ? formatFromExtension(input.path) : null) ??
    sniffFormat(input.content)
  )
}
