/**
 * A linear pre-pass over the HTML string that caps tag nesting before the DOM is built. linkedom's parser
 * slows down quadratically with depth (100k nested <div>s take ~45 s) and Readability worse still
 * (800 levels take ~5 s, 10k overflow the stack), while real articles nest 20–60 levels. Tags beyond the cap
 * are dropped; their text stays, in order.
 */

/** Deeper than any real page we have seen (~60), shallow enough that Readability stays fast (~150 ms at 200). */
export const MAX_TAG_DEPTH = 160

/** Elements with no end tag: they never add depth. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/** Elements whose content is raw text up to their end tag: a `<` inside is not a tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
])

/**
 * Elements that the parser closes when a sibling of the same family opens (the HTML "implied end tags"),
 * so a page of unclosed <p>s or <li>s is not mistaken for a deep one.
 */
const CLOSES: Record<string, ReadonlySet<string>> = {
  p: new Set(['p']),
  li: new Set(['li', 'p']),
  dt: new Set(['dt', 'dd', 'p']),
  dd: new Set(['dt', 'dd', 'p']),
  tr: new Set(['tr', 'td', 'th']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
  div: new Set(['p']),
  h1: new Set(['p']),
  h2: new Set(['p']),
  h3: new Set(['p']),
  h4: new Set(['p']),
  h5: new Set(['p']),
  h6: new Set(['p']),
  ul: new Set(['p']),
  ol: new Set(['p']),
  blockquote: new Set(['p']),
  table: new Set(['p']),
  section: new Set(['p']),
  article: new Set(['p']),
}

const NAME_CHAR = /[\w:-]/

/** Case-insensitive end-tag finders for the raw-text elements, compiled once. */
const END_TAG = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]))

function findEndTag(html: string, name: string, from: number): number {
  const re = END_TAG.get(name)
  if (!re) return -1
  re.lastIndex = from
  return re.exec(html)?.index ?? -1
}

/** How far down the stack an end tag looks for its start tag; bounds the work per tag. */
const MAX_CLOSE_SEARCH = 64

export interface DepthGuardResult {
  html: string
  /** Start and end tags removed because they were nested too deeply. */
  dropped: number
  /** The deepest nesting seen (capped at the limit when tags were dropped). */
  maxDepth: number
}

/**
 * Removes start and end tags nested deeper than `maxDepth`, in one pass over the string.
 *
 * @example limitTagDepth('<div>'.repeat(500) + 'x', 160).dropped // 340
 */
export function limitTagDepth(html: string, maxDepth = MAX_TAG_DEPTH): DepthGuardResult {
  const stack: string[] = []
  const droppedOpen = new Map<string, number>()
  const pieces: string[] = []
  let copiedTo = 0
  let dropped = 0
  let deepest = 0
  const drop = (from: number, to: number): void => {
    pieces.push(html.slice(copiedTo, from))
    copiedTo = to
    dropped++
  }

  let i = html.indexOf('<')
  while (i >= 0 && i < html.length) {
    const next = html.charCodeAt(i + 1)
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      i = end < 0 ? -1 : html.indexOf('<', end + 3)
      continue
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const end = html.indexOf('>', i)
      i = end < 0 ? -1 : html.indexOf('<', end + 1)
      continue
    }
    const closing = next === 0x2f /* / */
    const nameStart = closing ? i + 2 : i + 1
    let nameEnd = nameStart
    while (nameEnd < html.length && NAME_CHAR.test(html.charAt(nameEnd))) nameEnd++
    if (nameEnd === nameStart || !isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1)
      continue
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    const tagEnd = findTagEnd(html, nameEnd)
    if (tagEnd < 0) break
    const selfClosing = html.charCodeAt(tagEnd - 1) === 0x2f

    if (closing) {
      const pending = droppedOpen.get(name) ?? 0
      if (pending > 0) {
        droppedOpen.set(name, pending - 1)
        drop(i, tagEnd + 1)
      } else {
        const floor = Math.max(0, stack.length - MAX_CLOSE_SEARCH)
        for (let k = stack.length - 1; k >= floor; k--) {
          if (stack[k] === name) {
            stack.length = k
            break
          }
        }
      }
      i = html.indexOf('<', tagEnd + 1)
      continue
    }

    let after = tagEnd + 1
    if (RAW_TEXT.has(name) && !selfClosing) {
      const close = findEndTag(html, name, after)
      after = close < 0 ? html.length : close
    }
    if (!VOID.has(name) && !selfClosing && !RAW_TEXT.has(name)) {
      const closes = CLOSES[name]
      while (closes && stack.length > 0 && closes.has(stack[stack.length - 1] as string)) stack.pop()
      if (stack.length >= maxDepth) {
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1)
        drop(i, tagEnd + 1)
      } else {
        stack.push(name)
        if (stack.length > deepest) deepest = stack.length
      }
    }
    i = html.indexOf('<', after)
  }

  if (dropped === 0) return { html, dropped, maxDepth: deepest }
  pieces.push(html.slice(copiedTo))
  return { html: pieces.join(''), dropped, maxDepth: deepest }
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** The index of the `>` ending a tag whose name ends at `from`, skipping quoted attribute values. */
function findTagEnd(html: string, from: number): number {
  let quote = 0
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k)
    if (quote) {
      if (c === quote) quote = 0
    } else if (c === 0x22 || c === 0x27) {
      quote = c
    } else if (c === 0x3e) {
      return k
    }
  }
  return -1
}
