/**
 * Per-token and per-sentence feature ids for the technique tagger, shared by training and inference so
 * both see exactly the same features. Everything is computed into typed arrays that are reused from one
 * document to the next: after the first documents, a token costs no allocation (STYLE §6.9).
 *
 * Feature set after the methods note §3.4 (UTMN's per-token logistic regression, SemEval-2020 Task 11):
 * words in a ±1 window, bigrams, prefix/suffix, shape, cue-lexicon classes of the word and its window,
 * in-document repetition counts, quotation context and position; sentence-level cue counts, length and
 * punctuation carry the clause-length techniques (doubt, causal oversimplification, black-and-white).
 */
import { TokenKind, type TokenTable } from '../../model/tokens.js'
import type { Sentence } from '../../model/layers.js'
import { hashLower, hashWord, isUpperUnit, mix } from './lower-hash.js'
import { WordTable } from './word-table.js'

/** Most features one token can emit (bounds the output buffer). */
export const MAX_TOKEN_FEATURES = 64
/** Most features one sentence can emit besides its words. */
const MAX_SENTENCE_EXTRA = 48

// Template ids: mixed into every feature id. Appending is safe; renumbering changes every trained weight.
// Dropped for speed, each within dev noise (±0.5 F1): 1 bias (the sentence features always fire), 5/6 words at ±2,
// 18 sentence bag of words, 21 word×shape, 22/23 cue classes of each neighbour (the window covers them).
const T_W0 = 2
const T_WM1 = 3
const T_WP1 = 4
const T_BI_L = 7
const T_BI_R = 8
const T_PREFIX = 9
const T_SUFFIX = 10
const T_SHAPE3 = 11
const T_LEX0 = 12
const T_LEXWIN = 13
const T_REPEAT = 14
const T_BIREPEAT = 15
const T_QUOTE = 16
const T_POS = 17
const T_S_LEX = 19
const T_S_META = 20
const T_PRIOR = 24

/** Token shapes. */
const SHAPE_LOWER = 1
const SHAPE_CAP = 2
const SHAPE_CAPS = 3
const SHAPE_NUMBER = 4
const SHAPE_PUNCT = 5
const SHAPE_QUOTE = 6
const SHAPE_SPECIAL = 7
const SHAPE_BANG = 8
const SHAPE_NONE = 9

/** Function words: their repetition says nothing (aschern's repetition rule drops stopwords too). */
const STOPWORDS = new WordTable(
  new Map(
    (
      'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
      'these those he she they we you i his her their our your my me him them us not no do does did has have had ' +
      'will would can could should may might must so than then there here what which who whom whose when where ' +
      'why how all any some more most such only own same too very s t just also into over after before about ' +
      "up down out off again said says one two new 's"
    )
      .split(' ')
      .map((w) => [hashWord(w), 1]),
  ),
)

const CLOSE_DOUBLE = new Set([0x201d, 0xbb])
const OPEN_DOUBLE = new Set([0x201c, 0xab, 0x201e])

function bucket(n: number): number {
  return n <= 1 ? n : n <= 2 ? 2 : n <= 3 ? 3 : n <= 5 ? 4 : 5
}

/** Grows a typed array to at least `n` (doubling), keeping nothing: callers refill it. */
function ensure<T extends Uint32Array | Uint16Array | Uint8Array>(
  arr: T,
  n: number,
  make: (n: number) => T,
): T {
  if (arr.length >= n) return arr
  let size = Math.max(arr.length, 64)
  while (size < n) size *= 2
  return make(size)
}

/**
 * Reusable per-document feature state. `load` fills the token columns; `tokenFeatures` and
 * `sentenceFeatures` then write feature ids into a caller's buffer.
 */
export class DocFeatures {
  n = 0
  text = ''
  /** Lower-cased word hash per token (0 for punctuation). */
  word = new Uint32Array(0)
  prefix = new Uint32Array(0)
  suffix = new Uint32Array(0)
  shape = new Uint8Array(0)
  lex = new Uint32Array(0)
  /** How often the token's word occurs in the document, and which occurrence this is (0 = first). */
  count = new Uint16Array(0)
  occurrence = new Uint16Array(0)
  /** How often the bigram (i, i+1) occurs in the document. */
  bigramCount = new Uint16Array(0)
  /** The hash of the bigram (i, i+1), across sentence ends too (0 for the last token). */
  bigram = new Uint32Array(0)
  /** Scratch: each token's slot in the counting table. */
  private slotOf = new Uint32Array(0)
  stop = new Uint8Array(0)
  inQuote = new Uint8Array(0)
  sentenceOf = new Uint32Array(0)
  sentStart = new Uint32Array(0)
  sentEnd = new Uint32Array(0)
  sentences = 0

  // Open-addressing counter reused across documents; `stamp` marks which slots belong to this document.
  private keys = new Uint32Array(1 << 14)
  private counts = new Uint16Array(1 << 14)
  private stamps = new Uint32Array(1 << 14)
  private generation = 0

  /** Per token: the word's packed technique priors (see word-priors.ts); 0 for unknown words. */
  prior = new Uint32Array(0)

  /**
   * Document-level context, bucketed: the share of content words with a cue class (it correlates 0.35
   * with how densely PTC annotators marked the article) and the number of "!" in it.
   */
  docLexBucket = 0
  docBangBucket = 0

  /**
   * @param lexicon cue-class masks by word hash
   * @param priors packed per-technique rates by word hash, learnt from training data (or none)
   */
  constructor(
    private readonly lexicon: WordTable,
    private readonly priors: WordTable | null = null,
  ) {}

  /** Fills the columns for a document. */
  load(text: string, tokens: TokenTable, sentences: readonly Sentence[]): void {
    const n = tokens.count
    this.n = n
    this.text = text
    this.word = ensure(this.word, n, (s) => new Uint32Array(s))
    this.prefix = ensure(this.prefix, n, (s) => new Uint32Array(s))
    this.suffix = ensure(this.suffix, n, (s) => new Uint32Array(s))
    this.shape = ensure(this.shape, n, (s) => new Uint8Array(s))
    this.lex = ensure(this.lex, n, (s) => new Uint32Array(s))
    this.prior = ensure(this.prior, n, (s) => new Uint32Array(s))
    this.count = ensure(this.count, n, (s) => new Uint16Array(s))
    this.occurrence = ensure(this.occurrence, n, (s) => new Uint16Array(s))
    this.bigramCount = ensure(this.bigramCount, n, (s) => new Uint16Array(s))
    this.bigram = ensure(this.bigram, n, (s) => new Uint32Array(s))
    this.slotOf = ensure(this.slotOf, n, (s) => new Uint32Array(s))
    this.stop = ensure(this.stop, n, (s) => new Uint8Array(s))
    this.inQuote = ensure(this.inQuote, n, (s) => new Uint8Array(s))
    this.sentenceOf = ensure(this.sentenceOf, n, (s) => new Uint32Array(s))
    const { starts, ends, kinds } = tokens
    this.tokenStarts = starts
    let quoted = 0
    let content = 0
    let cued = 0
    let bangs = 0
    for (let i = 0; i < n; i++) {
      const s = starts[i] as number
      const e = ends[i] as number
      const kind = kinds[i] as number
      this.sentenceOf[i] = tokens.sentence[i] as number
      const c0 = text.charCodeAt(s)
      if (kind === TokenKind.WORD || kind === TokenKind.NUMBER || kind === TokenKind.SPECIAL) {
        // FNV-1a runs left to right: the word's hash continues from its 5-character prefix's.
        const pre = e - s > 5 ? hashLower(text, s, s + 5) : 0
        const h = e - s > 5 ? hashLower(text, s + 5, e, pre) : hashLower(text, s, e)
        this.word[i] = h
        this.prefix[i] = e - s > 5 ? pre : h
        this.suffix[i] = e - s > 4 ? hashLower(text, e - 3, e) : 0
        this.lex[i] = kind === TokenKind.WORD ? this.lexicon.get(h) : 0
        this.prior[i] = this.priors ? this.priors.get(h) : 0
        this.stop[i] = STOPWORDS.get(h)
        if (kind === TokenKind.NUMBER) this.shape[i] = SHAPE_NUMBER
        else if (kind === TokenKind.SPECIAL) this.shape[i] = SHAPE_SPECIAL
        else if (!isUpperUnit(c0)) this.shape[i] = SHAPE_LOWER
        else if (e - s > 1 && isUpperUnit(text.charCodeAt(s + 1))) this.shape[i] = SHAPE_CAPS
        else this.shape[i] = SHAPE_CAP
      } else {
        // Punctuation keeps its character as its "word", so "!" and "?" are features of their own.
        this.word[i] = mix(0x50, c0)
        this.prefix[i] = 0
        this.suffix[i] = 0
        this.lex[i] = 0
        this.prior[i] = 0
        this.stop[i] = 1
        this.shape[i] =
          kind === TokenKind.QUOTE ? SHAPE_QUOTE : c0 === 0x21 || c0 === 0x3f ? SHAPE_BANG : SHAPE_PUNCT
      }
      if (this.stop[i] === 0) {
        content++
        if (this.lex[i] !== 0) cued++
      }
      if (c0 === 0x21 && kind !== TokenKind.WORD) bangs++
      // Double quotes toggle (straight) or open/close (curly, guillemets); the quote token itself is outside.
      if (kind === TokenKind.QUOTE) {
        if (c0 === 0x22) quoted ^= 1
        else if (OPEN_DOUBLE.has(c0)) quoted = 1
        else if (CLOSE_DOUBLE.has(c0)) quoted = 0
        this.inQuote[i] = 0
      } else this.inQuote[i] = quoted
    }
    const rate = cued / Math.max(content, 1)
    this.docLexBucket = rate < 0.2 ? 0 : rate < 0.23 ? 1 : rate < 0.26 ? 2 : rate < 0.29 ? 3 : 4
    this.docBangBucket = bangs === 0 ? 0 : bangs < 3 ? 1 : 2
    this.countRepeats()
    this.sentences = sentences.length
    this.sentStart = ensure(this.sentStart, sentences.length, (s) => new Uint32Array(s))
    this.sentEnd = ensure(this.sentEnd, sentences.length, (s) => new Uint32Array(s))
    this.sentStart.fill(0, 0, sentences.length)
    this.sentEnd.fill(0, 0, sentences.length)
    // Token ranges of sentences; a sentence with no token keeps [0, 0).
    for (let i = n - 1; i >= 0; i--) {
      const si = this.sentenceOf[i] as number
      if (this.sentEnd[si] === 0) this.sentEnd[si] = i + 1
      this.sentStart[si] = i
    }
  }

  /** Word and bigram counts over the document, in the reusable open-addressing table. */
  private countRepeats(): void {
    const n = this.n
    let size = this.keys.length
    if (size < n * 4) {
      while (size < n * 4) size *= 2
      this.keys = new Uint32Array(size)
      this.counts = new Uint16Array(size)
      this.stamps = new Uint32Array(size)
      this.generation = 0
    }
    this.generation++
    // The slot of each counted token is kept, so the final counts are read without probing again.
    const slots = this.slotOf
    for (let i = 0; i < n; i++) {
      if (this.stop[i] === 1) {
        this.count[i] = 0
        this.occurrence[i] = 0
      } else {
        const slot = this.bump(this.word[i] as number)
        slots[i] = slot
        this.occurrence[i] = (this.counts[slot] as number) - 1
      }
      this.bigramCount[i] = 0
      this.bigram[i] = i + 1 < n ? mix(this.word[i] as number, this.word[i + 1] as number) : 0
    }
    for (let i = 0; i < n; i++)
      if (this.stop[i] === 0) this.count[i] = this.counts[slots[i] as number] as number
    // Bigrams with at least one content word ("Zionist regime", "the regime" does not count twice via "the").
    this.generation++
    for (let i = 0; i + 1 < n; i++) {
      if (this.stop[i] === 1 && this.stop[i + 1] === 1) continue
      slots[i] = this.bump(this.bigram[i] as number)
    }
    for (let i = 0; i + 1 < n; i++) {
      if (this.stop[i] === 1 && this.stop[i + 1] === 1) continue
      this.bigramCount[i] = this.counts[slots[i] as number] as number
    }
  }

  private bump(key: number): number {
    const mask = this.keys.length - 1
    let slot = key & mask
    for (;;) {
      if (this.stamps[slot] !== this.generation) {
        this.stamps[slot] = this.generation
        this.keys[slot] = key
        this.counts[slot] = 1
        return slot
      }
      if (this.keys[slot] === key) {
        if ((this.counts[slot] as number) < 65535) this.counts[slot] = (this.counts[slot] as number) + 1
        return slot
      }
      slot = (slot + 1) & mask
    }
  }

  private wordAt(i: number, lo: number, hi: number): number {
    return i >= lo && i < hi ? (this.word[i] as number) : i < lo ? 0x5e : 0x24
  }

  private shapeAt(i: number, lo: number, hi: number): number {
    return i >= lo && i < hi ? (this.shape[i] as number) : SHAPE_NONE
  }

  /**
   * Writes the feature ids of token `i` into `out` (length ≥ MAX_TOKEN_FEATURES); returns how many.
   *
   * @example
   * const k = feats.tokenFeatures(7, buffer) // buffer[0..k) are feature ids
   */
  tokenFeatures(i: number, out: Uint32Array): number {
    const si = this.sentenceOf[i] as number
    const lo = this.sentStart[si] as number
    const hi = this.sentEnd[si] as number
    const w0 = this.word[i] as number
    const wm1 = this.wordAt(i - 1, lo, hi)
    const wp1 = this.wordAt(i + 1, lo, hi)
    let k = 0
    out[k++] = mix(T_W0, w0)
    out[k++] = mix(T_WM1, wm1)
    out[k++] = mix(T_WP1, wp1)
    // Inside the sentence, the bigram hashes come from `load`.
    out[k++] = mix(T_BI_L, i > lo ? (this.bigram[i - 1] as number) : mix(wm1, w0))
    out[k++] = mix(T_BI_R, i + 1 < hi ? (this.bigram[i] as number) : mix(w0, wp1))
    const sh = this.shape[i] as number
    if (this.prefix[i] !== 0) out[k++] = mix(T_PREFIX, this.prefix[i] as number)
    if (this.suffix[i] !== 0) out[k++] = mix(T_SUFFIX, this.suffix[i] as number)
    out[k++] = mix(T_SHAPE3, (this.shapeAt(i - 1, lo, hi) << 8) | (sh << 4) | this.shapeAt(i + 1, lo, hi))
    // Cue classes of the word and of a ±3 window around it.
    let lex = this.lex[i] as number
    while (lex !== 0 && k < MAX_TOKEN_FEATURES - 24) {
      const bit = 31 - Math.clz32(lex)
      out[k++] = mix(T_LEX0, bit)
      lex &= ~(1 << bit)
    }
    let win = 0
    for (let j = Math.max(lo, i - 3); j < Math.min(hi, i + 4); j++) if (j !== i) win |= this.lex[j] as number
    while (win !== 0 && k < MAX_TOKEN_FEATURES - 8) {
      const bit = 31 - Math.clz32(win)
      out[k++] = mix(T_LEXWIN, bit)
      win &= ~(1 << bit)
    }
    // How often the word was inside each technique's spans in training (4 bits per technique).
    // Bucket 1 ("seen, hardly ever labelled") is implied by the one "known word" feature.
    let prior = this.prior[i] as number
    if (prior !== 0) out[k++] = mix(T_PRIOR, 0xff)
    for (let slot = 0; prior !== 0; slot++, prior >>>= 4) {
      if ((prior & 15) > 1) out[k++] = mix(T_PRIOR, (slot << 4) | (prior & 15))
    }
    // Repetition: how often this content word recurs, and whether this is a later occurrence.
    if (this.stop[i] === 0) {
      const occ = this.occurrence[i] as number
      out[k++] = mix(T_REPEAT, (bucket(this.count[i] as number) << 4) | (occ === 0 ? 0 : occ === 1 ? 1 : 2))
    }
    const bl = i - 1 >= lo ? (this.bigramCount[i - 1] as number) : 0
    const br = i + 1 < hi ? (this.bigramCount[i] as number) : 0
    out[k++] = mix(T_BIREPEAT, (bucket(bl) << 4) | bucket(br))
    out[k++] = mix(T_QUOTE, this.inQuote[i] as number)
    const len = hi - lo
    const rel = len > 0 ? Math.floor(((i - lo) * 4) / len) : 0
    out[k++] = mix(T_POS, (i === lo ? 8 : i === hi - 1 ? 9 : rel) | (Math.min(si, 3) << 4))
    return k
  }

  /**
   * Writes the sentence-level feature ids of sentence `si` into `out` (length ≥ words + 48); returns
   * how many. They are shared by every token of the sentence, so one decision can cover a clause.
   *
   * @example
   * const m = feats.sentenceFeatures(0, buffer)
   */
  sentenceFeatures(si: number, out: Uint32Array): number {
    const lo = this.sentStart[si] as number
    const hi = this.sentEnd[si] as number
    let k = 0
    let bangs = 0
    let questions = 0
    let quoted = 0
    // Cue-class counts in the sentence, one small counter per class (at most 32 classes).
    const lexCounts = this.lexCounts
    lexCounts.fill(0)
    for (let i = lo; i < hi; i++) {
      const sh = this.shape[i] as number
      if (sh === SHAPE_BANG) {
        if (this.text.charCodeAt(this.tokenStart(i)) === 0x21) bangs++
        else questions++
      }
      quoted |= this.inQuote[i] as number
      let lex = this.lex[i] as number
      while (lex !== 0) {
        const bit = 31 - Math.clz32(lex)
        lexCounts[bit] = (lexCounts[bit] as number) + 1
        lex &= ~(1 << bit)
      }
    }
    for (let b = 0; b < 32; b++) {
      const c = lexCounts[b] as number
      if (c > 0) out[k++] = mix(T_S_LEX, (b << 4) | Math.min(c, 3))
    }
    const len = hi - lo
    out[k++] = mix(T_S_META, 1000 + (len < 6 ? 0 : len < 12 ? 1 : len < 25 ? 2 : len < 40 ? 3 : 4))
    out[k++] = mix(T_S_META, 2000 + Math.min(bangs, 2) * 3 + Math.min(questions, 2))
    out[k++] = mix(T_S_META, 3000 + Math.min(si, 3) * 2 + quoted)
    out[k++] = mix(T_S_META, 4000 + this.docLexBucket)
    out[k++] = mix(T_S_META, 5000 + this.docBangBucket)
    return k
  }

  /**
   * The id of token i's own-word feature: its weight per technique says how much the word itself
   * pushed the decision (the cue words shown to readers).
   *
   * @example
   * feats.wordFeature(7)
   */
  wordFeature(i: number): number {
    return mix(T_W0, this.word[i] as number)
  }

  /** Buffer size `sentenceFeatures` needs for sentence `si`. */
  sentenceCapacity(si: number): number {
    return (this.sentEnd[si] as number) - (this.sentStart[si] as number) + MAX_SENTENCE_EXTRA
  }

  private readonly lexCounts = new Uint8Array(32)
  /** Token start offsets of the loaded document (for the "!" versus "?" check). */
  private tokenStarts: ArrayLike<number> = new Uint32Array(0)

  private tokenStart(i: number): number {
    return this.tokenStarts[i] as number
  }
}
