/**
 * Per-document token values the learned cue and span models share, computed once per run: a hash of
 * each token's lower-case form and of its last three letters, a shape class, the mention tag over it,
 * and running counts of quote marks and commas (so "how many quote marks lie between here and the cue"
 * is one subtraction). Integers only: feature ids are then mixed from integers, with no strings built
 * per feature.
 */
import { TokenKind } from '../../../model/tokens.js'
import { hashString } from '../../learn/hash.js'
import type { AttributionDoc } from '../attribution-doc.js'

export const Shape = { LOWER: 0, CAPITAL: 1, UPPER: 2, NUMBER: 3, PUNCT: 4, QUOTE: 5, OTHER: 6 } as const

const NO_MENTION = 0

/** The word value of a position outside the document. */
export const NO_WORD = 0x9e3779b9

export class TokenTable {
  readonly n: number
  /** 0 outside a name mention; otherwise a hash of type, kind and whether the token opens the mention. */
  readonly mention: Uint32Array
  /** Quote marks and commas among tokens [0, i): `quoteMarks[j] - quoteMarks[i]` counts those in [i, j). */
  readonly quoteMarks: Int32Array
  readonly commas: Int32Array
  /** 1 when the token's sentence holds a double quote mark. */
  readonly sentenceHasQuote: Uint8Array
  private readonly d: AttributionDoc
  // word hash, suffix hash and shape are filled on first use: the models read a few tokens of a document
  private readonly words: Uint32Array
  private readonly suffixes: Uint32Array
  private readonly shapes: Uint8Array
  private readonly filled: Uint8Array

  constructor(d: AttributionDoc) {
    const n = d.n
    this.d = d
    this.n = n
    this.words = new Uint32Array(n)
    this.suffixes = new Uint32Array(n)
    this.shapes = new Uint8Array(n)
    this.filled = new Uint8Array(n)
    this.mention = new Uint32Array(n)
    this.quoteMarks = new Int32Array(n + 1)
    this.commas = new Int32Array(n + 1)
    this.sentenceHasQuote = new Uint8Array(n)
    const sentenceQuote = new Uint8Array(d.sentFirst.length)
    for (let i = 0; i < n; i++) {
      const mark = d.kinds[i] === TokenKind.QUOTE && d.isQuoteMark(i)
      if (mark) sentenceQuote[d.sentOf[i] as number] = 1
      this.quoteMarks[i + 1] = (this.quoteMarks[i] as number) + (mark ? 1 : 0)
      this.commas[i + 1] = (this.commas[i] as number) + (d.low[i] === ',' ? 1 : 0)
    }
    for (let i = 0; i < n; i++) this.sentenceHasQuote[i] = sentenceQuote[d.sentOf[i] as number] as number
    for (const m of d.mentions) {
      // names only: the nominal and pronoun mentions coref adds change with its rules, and a model keyed
      // on them would change (and need retraining) with every coref fix
      if (m.kind !== 'name' && m.kind !== 'acronym') continue
      const begin = hashString(`${m.type}/${m.kind}/B`)
      const inside = hashString(`${m.type}/${m.kind}/I`)
      for (let i = d.tokenFrom(m.start); i < n && (d.starts[i] as number) < m.end; i++)
        if (this.mention[i] === NO_MENTION)
          this.mention[i] = (d.starts[i] as number) <= m.start ? begin : inside
    }
  }

  /** hashString of token i's lower-case form; {@link NO_WORD} outside the document. */
  word(i: number): number {
    if (i < 0 || i >= this.n) return NO_WORD
    if (this.filled[i] === 0) this.fill(i)
    return this.words[i] as number
  }

  /** Hash of the last three characters of token i's lower-case form. */
  suffix(i: number): number {
    if (this.filled[i] === 0) this.fill(i)
    return this.suffixes[i] as number
  }

  shape(i: number): number {
    if (this.filled[i] === 0) this.fill(i)
    return this.shapes[i] as number
  }

  /** The mention value of token i, {@link NO_WORD} outside the document. */
  mentionAt(i: number): number {
    return i >= 0 && i < this.n ? (this.mention[i] as number) : NO_WORD
  }

  private fill(i: number): void {
    const low = this.d.low[i] as string
    this.words[i] = hashString(low)
    this.suffixes[i] = suffixHash(low)
    this.shapes[i] = shapeOf(this.d, i)
    this.filled[i] = 1
  }
}

/** FNV-1a over the last three code units, without slicing the string. */
function suffixHash(low: string): number {
  let h = 0x811c9dc5
  for (let k = Math.max(0, low.length - 3); k < low.length; k++)
    h = Math.imul(h ^ low.charCodeAt(k), 0x01000193)
  return h >>> 0
}

function shapeOf(d: AttributionDoc, i: number): number {
  const kind = d.kinds[i]
  if (kind === TokenKind.QUOTE) return Shape.QUOTE
  if (kind === TokenKind.PUNCT) return Shape.PUNCT
  if (kind === TokenKind.NUMBER) return Shape.NUMBER
  if (kind !== TokenKind.WORD) return Shape.OTHER
  // compare the text with its lower-case form code by code: no slice, no regular expression
  const low = d.low[i] as string
  const at = d.starts[i] as number
  if (d.text.charCodeAt(at) === low.charCodeAt(0)) return Shape.LOWER
  return low.length > 1 && d.text.charCodeAt(at + 1) !== low.charCodeAt(1) ? Shape.UPPER : Shape.CAPITAL
}
