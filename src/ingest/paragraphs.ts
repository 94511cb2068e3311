/**
 * Plain-text blocks: paragraphs are runs of lines separated by blank lines. Each block is trimmed, so
 * `text.slice(block)` never starts or ends with whitespace; the text itself is never changed.
 */
import type { Block, BlockKind } from '../model/layers.js'

/** A blank line: a newline, optional horizontal whitespace, another newline. */
const BLANK_LINE = /\n[^\S\n]*\n/g
const NOT_SPACE = /\S/

/**
 * Splits `text` into paragraph blocks on blank lines; optionally the first line is the title.
 *
 * @example
 * paragraphBlocks('Title\n\nBody text.', { titleFirst: true })
 * // [{ start: 0, end: 5, kind: 'title' }, { start: 7, end: 17, kind: 'paragraph' }]
 */
export function paragraphBlocks(text: string, options: { titleFirst?: boolean } = {}): Block[] {
  const blocks: Block[] = []
  let from = 0
  const push = (start: number, end: number, kind: BlockKind): void => {
    const span = trimRange(text, start, end)
    if (span) blocks.push({ start: span[0], end: span[1], kind })
  }
  const pushParagraph = (start: number, end: number): void => {
    if (!options.titleFirst || blocks.length > 0) return push(start, end, 'paragraph')
    // The title is the first line, not the first paragraph: a headline often sits directly above the
    // dateline or the first paragraph, with no blank line between.
    const span = trimRange(text, start, end)
    if (!span) return
    const newline = text.indexOf('\n', span[0])
    const titleEnd = newline >= 0 && newline < span[1] ? newline : span[1]
    push(span[0], titleEnd, 'title')
    push(titleEnd, span[1], 'paragraph')
  }
  BLANK_LINE.lastIndex = 0
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    pushParagraph(from, m.index)
    from = m.index + m[0].length
  }
  pushParagraph(from, text.length)
  return blocks
}

/** `[start, end)` shrunk to exclude whitespace at both ends, or null when nothing but whitespace is left. */
export function trimRange(text: string, start: number, end: number): [number, number] | null {
  let s = start
  let e = end
  while (s < e && isSpace(text.charCodeAt(s))) s++
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--
  if (s >= e || !NOT_SPACE.test(text.slice(s, e))) return null
  return [s, e]
}

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
