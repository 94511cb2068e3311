/**
 * Where an HTML page says its charset: the Content-Type header, `<meta charset>`, `<meta http-equiv>`, or the
 * XML declaration. Only the first bytes are looked at, as the HTML spec's prescan does.
 */

/** The HTML spec prescans 1024 bytes; some pages put long comments first, so we look a little further. */
const PRESCAN_BYTES = 4096

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)/i
const HEADER_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i

/**
 * The charset parameter of a Content-Type value.
 *
 * @example charsetFromContentType('text/html; charset=ISO-8859-1') // 'ISO-8859-1'
 */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  return HEADER_CHARSET.exec(contentType)?.[1] ?? null
}

/**
 * The charset an HTML page declares in its first bytes (`<meta charset>`, `<meta http-equiv=Content-Type>`,
 * `<?xml encoding>`), or null.
 *
 * @example sniffHtmlCharset(Buffer.from('<meta charset="windows-1252">')) // 'windows-1252'
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one char, so ASCII markup is readable whatever the real charset is.
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, PRESCAN_BYTES),
  ).toString('latin1')
  return XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1] ?? null
}
