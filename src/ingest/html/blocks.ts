/**
 * Canonical text and blocks from an article DOM: one block per paragraph, heading, quote, caption or list
 * item, joined by a blank line. Inline whitespace collapses as a browser would show it; `<br>` is a newline
 * and two of them a paragraph break. The walk is iterative, so depth cannot overflow the stack.
 */
import type { Block, BlockKind } from '../../model/layers.js'

/** Elements that start their own block; the kind comes from the nearest kind-giving ancestor. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'caption',
])

/** Kinds given by an element to the blocks inside it; the innermost one wins (a <p> in a <li> is a list item). */
const KIND_OF: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  blockquote: 'blockquote',
  figcaption: 'caption',
  caption: 'caption',
  li: 'list-item',
}

/** Never text a reader sees. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'head',
  'title',
  'meta',
  'link',
])

/** Table cells are separated by a space so that "Total" and "12" do not run together. */
const CELL = new Set(['td', 'th'])

/** HTML's inter-element whitespace (not NBSP, which is content). */
const HTML_SPACE = /[ \t\n\f\r]+/g
/** Collapses runs of spaces (text nodes are already collapsed) but keeps the newlines that `<br>` put in. */
const HTML_SPACE_KEEP_NEWLINE = / {2,}/g
/** Inside <pre>: spaces and tabs collapse, newlines stay. */
const PRE_SPACE = /[ \t\f\r]+/g
const SPACE_AROUND_NEWLINE = / ?\n ?/g
const PARAGRAPH_BREAK = /\n{2,}/

export interface TextBuilder {
  text: string
  blocks: Block[]
}

/**
 * Builds the text of the blocks under `root`; `title`, when given, becomes the first block (kind 'title').
 *
 * @example
 * const { text, blocks } = buildText(articleDiv, 'Salami warns Israel')
 * text.slice(blocks[0].start, blocks[0].end) // 'Salami warns Israel'
 */
export function buildText(root: Element | null, title: string | null): TextBuilder {
  const parts: string[] = []
  const blocks: Block[] = []
  let length = 0
  const titleKey = title ? comparable(title) : null
  const emit = (raw: string, kind: BlockKind): void => {
    const lines = raw.replace(HTML_SPACE_KEEP_NEWLINE, ' ').replace(SPACE_AROUND_NEWLINE, '\n')
    for (const piece of lines.split(PARAGRAPH_BREAK)) {
      const clean = piece.trim()
      if (!clean) continue
      // The page's own headline usually opens the article again; the title block already holds it.
      if (titleKey && blocks.length === 1 && kind !== 'title' && comparable(clean) === titleKey) continue
      if (parts.length > 0) {
        parts.push('\n\n')
        length += 2
      }
      blocks.push({ start: length, end: length + clean.length, kind })
      parts.push(clean)
      length += clean.length
    }
  }

  if (title) emit(title.replace(HTML_SPACE, ' '), 'title')
  if (root) walk(root, emit)
  return { text: parts.join(''), blocks }
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu

/** A loose key for "is this the same headline": letters and digits only, lower-cased. */
function comparable(s: string): string {
  return s.toLowerCase().replace(NOT_WORD, '')
}

interface Frame {
  node: Node
  exiting: boolean
}

function walk(root: Element, emit: (raw: string, kind: BlockKind) => void): void {
  let buffer = ''
  const kinds: BlockKind[] = []
  /** Inside <pre>, line breaks are content (poems, tables of figures), so they stay as in <br>. */
  let preDepth = 0
  const flush = (): void => {
    if (buffer) emit(buffer, kinds[kinds.length - 1] ?? 'paragraph')
    buffer = ''
  }

  const stack: Frame[] = [{ node: root, exiting: false }]
  while (stack.length > 0) {
    const { node, exiting } = stack.pop() as Frame
    if (node.nodeType === 3 /* text */) {
      const value = node.nodeValue ?? ''
      buffer += preDepth > 0 ? value.replace(PRE_SPACE, ' ') : value.replace(HTML_SPACE, ' ')
      continue
    }
    if (node.nodeType !== 1 /* element */) continue
    const name = (node as Element).localName?.toLowerCase() ?? ''
    const kind = KIND_OF[name]
    const isBlock = BLOCK_ELEMENTS.has(name)
    if (exiting) {
      if (name === 'pre') preDepth--
      if (isBlock) flush()
      if (kind) kinds.pop()
      continue
    }
    if (SKIP.has(name)) continue
    if (name === 'br') {
      buffer += '\n'
      continue
    }
    if (CELL.has(name)) buffer += ' '
    if (isBlock) flush()
    if (kind) kinds.push(kind)
    if (name === 'pre') preDepth++
    stack.push({ node, exiting: true })
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child) stack.push({ node: child, exiting: false })
    }
  }
  flush()
}
