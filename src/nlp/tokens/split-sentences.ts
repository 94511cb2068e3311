/**
 * Sentence boundaries over the token stream, in two kinds of evidence:
 * 1. layout: a block edge, a blank line, and (in text that is not hard-wrapped) a line break always
 *    end a sentence, so headlines, datelines and bullets need no final period;
 * 2. punctuation: . ! ? … end a sentence, with any closing quotes or brackets glued to them
 *    (`… end.” He said` splits after ”), when whitespace and a sentence opener follow. A lower-case
 *    word never opens one (`“Go.” said X` stays whole). A period after an abbreviation, a title or an
 *    initial is judged by the abbreviation's class (see abbreviations.ts).
 * Works on character codes and the token columns; it slices a token only to look up an abbreviation.
 */
import type { Block, Sentence } from '../../model/layers.js'
import { TokenKind } from '../../model/tokens.js'
import { BEFORE_NUMBER, CALENDAR, MAY_END, NEVER_END, SENTENCE_OPENERS, TITLES } from './abbreviations.js'
import { isBullet, isHardWrapped } from './line-breaks.js'
import type { TokenColumns } from './tokenize.js'

const PERIOD = 0x2e
const BANG = 0x21
const QUESTION = 0x3f
const ELLIPSIS = 0x2026
const NEWLINE = 0x0a

/** Marks that close what a terminator ends: quotes and brackets (`end.”`, `(He left.)`). */
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x203a, 0x29, 0x5d, 0x7d])
/** Quotes and brackets that can open a sentence. */
const OPENERS = new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x2039, 0x201e, 0x28, 0x5b])

/** Longest speaker name looked through before a reporting verb ("Maj Gen Hossein Salami"). */
const MAX_NAME_WORDS = 4
/** Verbs of a reporting clause after a quoted question or exclamation. */
const REPORTING_VERBS = new Set([
  'said',
  'says',
  'asked',
  'asks',
  'added',
  'adds',
  'told',
  'wrote',
  'writes',
  'replied',
  'noted',
  'wondered',
  'shouted',
  'exclaimed',
  'continued',
  'insisted',
  'demanded',
  'tweeted',
])

const UPPER_START_RE = /^[\p{Lu}\p{Lt}]/u
const DIGIT_START_RE = /^\p{N}/u
const UPPER_LETTER_RE = /^\p{Lu}$/u
/** Brand names that start in lower case and still open a sentence: "iPhone", "eBay", "wikiHow". */
const CAMEL_START_RE = /^\p{Ll}[\p{Ll}\p{N}]*\p{Lu}/u

/** How a token relates to the sentence end: not a terminator, a plain one, or a period after a word. */
function isTerminator(text: string, start: number, end: number, kind: number): boolean {
  const last = text.charCodeAt(end - 1)
  if (kind === TokenKind.PUNCT)
    return last === PERIOD || last === BANG || last === QUESTION || last === ELLIPSIS
  // a dotted acronym ("U.S.") carries its own period
  return kind === TokenKind.WORD && last === PERIOD && end - start > 1
}

/** Line breaks in the whitespace gap `[from, to)`: 0, 1, or 2 for "a blank line or more". */
function newlinesIn(text: string, from: number, to: number): number {
  let count = 0
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k)
    // U+2029 PARAGRAPH SEPARATOR is a blank line by itself; U+2028 LINE SEPARATOR a line break
    if (code === 0x2029) return 2
    if (code === NEWLINE || code === 0x2028) {
      count++
      if (count === 2) return 2
    }
  }
  return count
}

class Splitter {
  private readonly n: number

  constructor(
    private readonly text: string,
    private readonly tok: TokenColumns,
  ) {
    this.n = tok.starts.length
  }

  private start(i: number): number {
    return this.tok.starts[i] as number
  }

  private end(i: number): number {
    return this.tok.ends[i] as number
  }

  private surface(i: number): string {
    return this.text.slice(this.start(i), this.end(i))
  }

  private adjacent(i: number): boolean {
    return i + 1 < this.n && this.end(i) === this.start(i + 1)
  }

  /** First character code of token `i`. */
  private firstCode(i: number): number {
    return this.text.charCodeAt(this.start(i))
  }

  /** Token `k` can open a sentence: a capital, a digit, an opening quote or bracket, a bullet, "iPhone". */
  canOpen(k: number): boolean {
    const kind = this.tok.kinds[k]
    if (kind === TokenKind.QUOTE || OPENERS.has(this.firstCode(k))) return true
    if (kind === TokenKind.SPECIAL || kind === TokenKind.SYMBOL) return true
    const s = this.text.slice(this.start(k), Math.min(this.end(k), this.start(k) + 2))
    if (UPPER_START_RE.test(s) || DIGIT_START_RE.test(s)) return true
    return kind === TokenKind.WORD && CAMEL_START_RE.test(this.surface(k))
  }

  /** Token `k` clearly opens a sentence: an opener word ("The", "He", "But") or an opening quote. */
  clearlyOpens(k: number): boolean {
    const code = this.firstCode(k)
    if (this.tok.kinds[k] === TokenKind.QUOTE) return code !== 0x2019 && code !== 0x201d
    if (OPENERS.has(code) && code !== 0x28 && code !== 0x5b) return true
    const s = this.surface(k)
    return UPPER_START_RE.test(s) && SENTENCE_OPENERS.has(s.toLowerCase())
  }

  /** Token `k` is the first on its line (or in the text). */
  private startsLine(k: number): boolean {
    for (let p = this.start(k) - 1; p >= 0; p--) {
      const code = this.text.charCodeAt(p)
      if (code === NEWLINE) return true
      if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false
    }
    return true
  }

  /**
   * Whether the terminator run ending at token `j` (whose first terminator is token `i`) ends a
   * sentence before token `j + 1`.
   */
  endsSentence(i: number, j: number): boolean {
    const next = j + 1
    // "example.com", "3.5x", "end.”He": no whitespace after the run, no boundary
    if (this.end(j) === this.start(next)) return false
    if (!this.canOpen(next)) return false
    const code = this.text.charCodeAt(this.end(i) - 1)
    if (code === QUESTION || code === BANG) return !(j > i && this.reportingClauseAt(next))
    if (code !== PERIOD) return true
    const kind = this.tok.kinds[i]
    if (kind === TokenKind.WORD)
      return this.abbreviationEnds(this.surface(i).slice(0, -1).toLowerCase(), next)
    // a lone "." glued to the word before it: an abbreviation, a title, an initial or a list number?
    if (i === 0 || this.end(i - 1) !== this.start(i) || this.end(i) - this.start(i) !== 1) return true
    const prevKind = this.tok.kinds[i - 1]
    if (prevKind === TokenKind.NUMBER) return !this.startsLine(i - 1) // "1. First item"
    if (prevKind !== TokenKind.WORD) return true
    const prev = this.surface(i - 1)
    if (UPPER_LETTER_RE.test(prev)) return this.clearlyOpens(next) // initial: "J. R. R. Tolkien"
    return this.abbreviationEnds(prev.toLowerCase(), next)
  }

  /**
   * `“Is it over?” Salami asked.`: a quote ending in ? or ! followed by a capitalised name and a
   * reporting verb is one sentence; the name is the speaker, not a new subject. Up to four name words.
   */
  private reportingClauseAt(k: number): boolean {
    let p = k
    for (let words = 0; words < MAX_NAME_WORDS && p < this.n; words++, p++) {
      if (this.tok.kinds[p] !== TokenKind.WORD || !UPPER_START_RE.test(this.surface(p))) break
    }
    if (p === k || p >= this.n) return false
    return REPORTING_VERBS.has(this.surface(p).toLowerCase())
  }

  /** Whether a period after the abbreviation `abbr` (lower case, no final period) ends a sentence. */
  private abbreviationEnds(abbr: string, next: number): boolean {
    if (TITLES.has(abbr) || NEVER_END.has(abbr)) return false
    const beforeNumber = this.tok.kinds[next] === TokenKind.NUMBER
    if (BEFORE_NUMBER.has(abbr)) return !beforeNumber
    if (CALENDAR.has(abbr)) return !beforeNumber && this.clearlyOpens(next)
    if (MAY_END.has(abbr) || abbr.includes('.')) return this.clearlyOpens(next)
    return true
  }

  /** The last token of the run of terminators and closers starting at terminator `i`. */
  runEnd(i: number): number {
    let j = i
    while (this.adjacent(j)) {
      const k = j + 1
      const kind = this.tok.kinds[k]
      const code = this.firstCode(k)
      if (
        (kind === TokenKind.QUOTE || kind === TokenKind.PUNCT) &&
        (CLOSERS.has(code) || isTerminatorCode(code))
      )
        j = k
      else break
    }
    return this.spacedCloser(j) ? j + 1 : j
  }

  /**
   * A closing quote set off by a space still closes what the terminator ended: `great. ”` by its
   * shape, and a straight or single one (`great. "`, `event. '`) when a line end follows it (tokenized
   * corpora, typos).
   */
  private spacedCloser(j: number): boolean {
    const k = j + 1
    if (k >= this.n || this.adjacent(j) || this.tok.kinds[k] !== TokenKind.QUOTE) return false
    const code = this.firstCode(k)
    if (code === 0x201d || code === 0xbb) return true
    if (code !== 0x22 && code !== 0x27 && code !== 0x2019) return false
    return k + 1 >= this.n || newlinesIn(this.text, this.end(k), this.start(k + 1)) > 0
  }

  /** Line-break evidence between token `i` and the next: 1 when the layout ends a sentence there. */
  lineBreakEnds(i: number, hardWrapped: boolean): boolean {
    const breaks = newlinesIn(this.text, this.end(i), this.start(i + 1))
    if (breaks === 0) return false
    if (breaks === 2 || !hardWrapped) return true
    const next = i + 1
    if (isBullet(this.surface(next))) return true
    // a numbered item: "2." or "2)" at the start of a line
    return (
      this.tok.kinds[next] === TokenKind.NUMBER &&
      this.adjacent(next) &&
      (this.text.charCodeAt(this.end(next)) === PERIOD || this.text.charCodeAt(this.end(next)) === 0x29)
    )
  }
}

function isTerminatorCode(code: number): boolean {
  return code === PERIOD || code === BANG || code === QUESTION || code === ELLIPSIS
}

/** Marks `boundaryAfter[i]` for every token `i` followed by a block edge (start or end) before the next token. */
function markBlockEdges(tok: TokenColumns, blocks: readonly Block[], boundaryAfter: Uint8Array): void {
  const n = tok.starts.length
  if (n < 2 || blocks.length === 0) return
  const edges: number[] = []
  for (const b of blocks) edges.push(b.start, b.end)
  edges.sort((a, b) => a - b)
  let e = 0
  for (let i = 0; i < n - 1 && e < edges.length; i++) {
    const end = tok.ends[i] as number
    const nextStart = tok.starts[i + 1] as number
    while (e < edges.length && (edges[e] as number) < end) e++
    if (e < edges.length && (edges[e] as number) <= nextStart) boundaryAfter[i] = 1
  }
}

/** How a single line break counts (a blank line always ends a sentence). */
export type LineBreakMode = 'auto' | 'sentence' | 'space'

export interface SplitOptions {
  /**
   * `sentence`: every line break ends a sentence (one paragraph or headline per line); `space`: a line
   * break is a space (hard-wrapped text: only bullets and punctuation split); `auto` (default): decide
   * per document with `isHardWrapped`.
   */
  lineBreaks?: LineBreakMode
}

/**
 * Splits the tokens into sentences.
 *
 * @example
 * const text = 'Maj. Gen. Hossein Salami said the U.S. lost. “We won.” He left.'
 * const { sentences } = splitSentences(text, tokenize(text), [])
 * sentences.map((s) => text.slice(s.start, s.end))
 * // ['Maj. Gen. Hossein Salami said the U.S. lost.', '“We won.”', 'He left.']
 */
export function splitSentences(
  text: string,
  tok: TokenColumns,
  blocks: readonly Block[],
  options: SplitOptions = {},
): { sentences: Sentence[]; sentenceOfToken: Uint32Array } {
  const n = tok.starts.length
  const boundaryAfter = new Uint8Array(n)
  const splitter = new Splitter(text, tok)
  markBlockEdges(tok, blocks, boundaryAfter)

  const lineBreaks = options.lineBreaks ?? 'auto'
  const hardWrapped =
    lineBreaks === 'space' || (lineBreaks === 'auto' && text.includes('\n') && isHardWrapped(text))
  for (let i = 0; i < n - 1; i++) {
    if (!boundaryAfter[i] && splitter.lineBreakEnds(i, hardWrapped)) boundaryAfter[i] = 1
  }

  for (let i = 0; i < n - 1; i++) {
    if (!isTerminator(text, tok.starts[i] as number, tok.ends[i] as number, tok.kinds[i] as number)) continue
    const j = splitter.runEnd(i)
    if (j + 1 < n && !boundaryAfter[j] && splitter.endsSentence(i, j)) boundaryAfter[j] = 1
    i = j
  }

  const sentences: Sentence[] = []
  const sentenceOfToken = new Uint32Array(n)
  let first = 0
  for (let i = 0; i < n; i++) {
    sentenceOfToken[i] = sentences.length
    if (boundaryAfter[i] || i === n - 1) {
      sentences.push({ start: tok.starts[first] as number, end: tok.ends[i] as number })
      first = i + 1
    }
  }
  return { sentences, sentenceOfToken }
}
