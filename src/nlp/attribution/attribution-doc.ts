/**
 * A per-document helper the finders share: tokens as plain strings, sentence and paragraph of each
 * token, quotation regions, and reporting-verb lookups. Built once per run of the stage; read-only.
 */
import type { DocView } from '../../model/doc-view.js'
import type { Entity, Mention } from '../../model/layers.js'
import { TokenKind } from '../../model/tokens.js'
import { reportingVerbs, type ReportingVerb } from './lexicon.js'
import { findQuotes, type QuoteProblem, type QuoteRegion } from './quotes.js'

const LINE_BREAK = /\n+/g

/** Index of the first mention of a layer sorted by start whose start is at or after `offset`. */
export function firstMentionFrom(mentions: readonly Mention[], offset: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((mentions[mid] as Mention).start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Determiners before which a reporting-verb form is a noun. */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'these',
  'those',
  'another',
  "'s",
])

export class AttributionDoc {
  readonly view: DocView
  readonly text: string
  /** Number of tokens. */
  readonly n: number
  readonly starts: ArrayLike<number>
  readonly ends: ArrayLike<number>
  readonly kinds: ArrayLike<number>
  /** Lower-cased surface of each token, with curly apostrophes made straight. */
  readonly low: readonly string[]
  /** Sentence index of each token, and each sentence's token range [first, end). */
  readonly sentOf: ArrayLike<number>
  readonly sentFirst: readonly number[]
  readonly sentEnd: readonly number[]
  /** Paragraph index of each token. */
  readonly paraOf: readonly number[]
  readonly quotes: readonly QuoteRegion[]
  readonly quoteProblems: readonly QuoteProblem[]
  /** Index into `quotes` of the region holding each token (marks included), or -1. */
  readonly quoteOf: Int32Array
  readonly mentions: readonly Mention[]
  readonly entities: ReadonlyMap<string, Entity>
  private readonly paragraphStarts: number[]
  private readonly titleCache = new Map<number, boolean>()
  /** verb(i) once computed: every finder and the cue model ask for the same tokens. null = not a verb. */
  private readonly verbMemo: (ReportingVerb | null | undefined)[]

  constructor(view: DocView) {
    this.view = view
    this.text = view.text
    const t = view.tokens
    this.n = t.count
    this.verbMemo = new Array<ReportingVerb | null | undefined>(t.count).fill(undefined)
    this.starts = t.starts
    this.ends = t.ends
    this.kinds = t.kinds
    this.sentOf = t.sentence
    const low: string[] = new Array<string>(t.count)
    for (let i = 0; i < t.count; i++)
      low[i] = straightApostrophes(this.text.slice(t.starts[i], t.ends[i]).toLowerCase())
    this.low = low
    const sentences = view.sentences
    const sentFirst = new Array<number>(sentences.length).fill(0)
    const sentEnd = new Array<number>(sentences.length).fill(0)
    for (let i = t.count - 1; i >= 0; i--) sentFirst[t.sentence[i] as number] = i
    for (let i = 0; i < t.count; i++) sentEnd[t.sentence[i] as number] = i + 1
    this.sentFirst = sentFirst
    this.sentEnd = sentEnd

    this.paragraphStarts = paragraphStarts(
      this.text,
      view.has('blocks') ? view.layer('blocks').map((b) => b.start) : [],
    )
    // tokens and paragraph starts are both in text order: one merge, not a binary search per token
    const paraOf = new Array<number>(t.count)
    const starts = this.paragraphStarts
    let paragraph = 0
    for (let i = 0; i < t.count; i++) {
      const at = t.starts[i] as number
      while (paragraph + 1 < starts.length && (starts[paragraph + 1] as number) <= at) paragraph++
      paraOf[i] = paragraph
    }
    this.paraOf = paraOf

    const { regions, problems } = findQuotes(
      this.text,
      (offset) => this.paragraphOf(offset),
      (p) => this.paragraphStarts[p] ?? 0,
    )
    this.quotes = regions
    this.quoteProblems = problems
    this.quoteOf = new Int32Array(t.count).fill(-1)
    let r = 0
    for (let i = 0; i < t.count; i++) {
      const s = t.starts[i] as number
      while (r < regions.length && (regions[r] as QuoteRegion).end <= s) r++
      const region = regions[r]
      if (region && region.start <= s) this.quoteOf[i] = r
    }
    this.mentions = view.has('mentions') ? view.layer('mentions') : []
    let longest = 0
    for (const m of this.mentions) if (m.end - m.start > longest) longest = m.end - m.start
    this.longestMention = longest
    this.entities = new Map((view.has('entities') ? view.layer('entities') : []).map((e) => [e.id, e]))
  }

  /**
   * Whether token i sits in a headline: a title or heading block, the document's title line (`meta.title`
   * at the start of the text), or, when neither is marked, a first line with no sentence-final
   * punctuation that more paragraphs follow. A headline has no reporting frame ("that", a colon, a quotation
   * around its verb), so only the verb itself can make it an attribution ("X endorses Clinton", not "North
   * Korea puts military in …").
   */
  isHeadline(i: number): boolean {
    if (this.headlines === undefined) this.headlines = this.findHeadlines()
    return this.headlines.has(this.paraOf[i] as number)
  }

  private headlines: Set<number> | undefined

  private findHeadlines(): Set<number> {
    const out = new Set<number>()
    const blocks = this.view.has('blocks') ? this.view.layer('blocks') : []
    for (const b of blocks) if (b.kind === 'title' || b.kind === 'heading') out.add(this.paragraphOf(b.start))
    const title = this.view.meta.title
    if (title && this.text.trimStart().startsWith(title.trim())) out.add(0)
    if (out.size === 0 && this.n > 0 && this.paraOf[this.n - 1] !== 0) {
      let last = 0
      while (last + 1 < this.n && this.paraOf[last + 1] === 0) last++
      if (!SENTENCE_END.test(this.low[last] as string)) out.add(0)
    }
    return out
  }

  /**
   * Index range [from, to) of the mentions that can overlap [start, end): the layer is sorted by start,
   * so the range starts one longest-mention length before `start` (a speaker lookup reads a few
   * mentions, not every mention of the document).
   */
  mentionWindow(start: number, end: number): [number, number] {
    const ms = this.mentions
    const lo = firstMentionFrom(ms, start - this.longestMention)
    let to = lo
    while (to < ms.length && (ms[to] as Mention).start < end) to++
    return [lo, to]
  }

  private readonly longestMention: number

  /** Paragraph index of a character offset. */
  paragraphOf(offset: number): number {
    const starts = this.paragraphStarts
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((starts[mid] as number) <= offset) lo = mid + 1
      else hi = mid
    }
    return Math.max(0, lo - 1)
  }

  /** Surface of token i. */
  tok(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i])
  }

  /** Lower-case surface of token i, or '' outside the document. */
  lo(i: number): string {
    return i >= 0 && i < this.n ? (this.low[i] as string) : ''
  }

  isWord(i: number): boolean {
    return this.kinds[i] === TokenKind.WORD
  }

  isPunct(i: number): boolean {
    const k = this.kinds[i]
    return k === TokenKind.PUNCT || k === TokenKind.QUOTE
  }

  /** A double quotation mark (straight or curly), or half of a doubled '' or ``. */
  isQuoteMark(i: number): boolean {
    if (i < 0 || i >= this.n || this.kinds[i] !== TokenKind.QUOTE) return false
    const mark = this.tok(i)
    if (/["“”«»„]/.test(mark)) return true
    if (mark !== "'" && mark !== '`') return false
    const at = this.starts[i] as number
    return this.text[at - 1] === mark || this.text[at + 1] === mark
  }

  /** Starts with an upper-case letter. */
  isCapitalized(i: number): boolean {
    // ASCII by its code (no substring, no regex): the hot path of every noun-phrase walk
    const c = this.text.charCodeAt(this.starts[i] as number)
    if (c < 128) return c >= 65 && c <= 90
    return UPPER_FIRST.test(this.tok(i))
  }

  /**
   * The reporting verb at token i, when it is one, stands outside any quotation and is not a noun
   * after a determiner ("the suspect", "his claims", "a report").
   */
  verb(i: number): ReportingVerb | undefined {
    if (i < 0 || i >= this.n) return undefined
    let memo = this.verbMemo[i]
    if (memo === undefined) {
      memo = this.findVerb(i) ?? null
      this.verbMemo[i] = memo
    }
    return memo ?? undefined
  }

  private findVerb(i: number): ReportingVerb | undefined {
    // the lexicon first: most tokens are no reporting verb, and the checks below cost more
    const entry = reportingVerbs().byForm.get(this.low[i] as string)
    if (entry === undefined || this.kinds[i] !== TokenKind.WORD || this.quoteOf[i] !== -1) return undefined
    if (i > 0 && DETERMINERS.has(this.low[i - 1] as string)) return undefined
    // "the United States", "Consumer Reports": a capital inside a sentence makes it part of a name,
    // except in a Title-Case headline ("…, Lindsey Graham Says.")
    const s = this.sentOf[i] as number
    if (this.isCapitalized(i) && this.sentFirst[s] !== i && !this.titleCase(s)) return undefined
    return entry
  }

  /** Whether sentence s is a Title-Case headline: four words or more, nearly all capitalised. */
  titleCase(s: number): boolean {
    let cached = this.titleCache.get(s)
    if (cached === undefined) {
      let words = 0
      let capitals = 0
      for (let i = this.sentFirst[s] as number; i < (this.sentEnd[s] as number); i++) {
        if (!this.isWord(i) || (this.low[i] as string).length <= 3) continue
        words++
        if (this.isCapitalized(i)) capitals++
      }
      cached = words >= 4 && capitals >= 0.8 * words
      this.titleCache.set(s, cached)
    }
    return cached
  }

  /** First token of token i's sentence, and the end (exclusive) of its token range. */
  sentenceRange(i: number): [number, number] {
    const s = this.sentOf[i] as number
    return [this.sentFirst[s] as number, this.sentEnd[s] as number]
  }

  /** Token index of the first token starting at or after `offset` (n when none). */
  tokenFrom(offset: number): number {
    let lo = 0
    let hi = this.n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.starts[mid] as number) < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The span from token a's start to token b's end (inclusive token indices). */
  span(a: number, b: number): { start: number; end: number } {
    return { start: this.starts[a] as number, end: this.ends[b] as number }
  }
}

const CURLY_APOSTROPHE = /’/g
const UPPER_FIRST = /^\p{Lu}/u
/** A token that ends a sentence (a closing quotation mark may follow the stop: handled as not a stop). */
const SENTENCE_END = /^[.!?]+$/

/** Curly apostrophes made straight; most tokens have none, and then no new string is made. */
function straightApostrophes(word: string): string {
  return word.includes('’') ? word.replace(CURLY_APOSTROPHE, "'") : word
}

/** Paragraph start offsets: block starts plus every line start after a line break, sorted and unique. */
function paragraphStarts(text: string, blockStarts: readonly number[]): number[] {
  const starts = new Set<number>([0, ...blockStarts])
  LINE_BREAK.lastIndex = 0
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) starts.add(m.index + m[0].length)
  return [...starts].sort((a, b) => a - b)
}
