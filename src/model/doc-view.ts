/**
 * A read-only view of a document being analysed: the frozen text, its metadata and the layers the
 * stages have produced so far. Stages read through it and never mutate it.
 */
import type { DocumentMeta } from './analysis.js'
import type { Attribution, Block, Claim, Entity, Mention, Sentence, Technique, TimeExpr } from './layers.js'
import type { Span } from './span.js'
import { EMPTY_TOKENS, type TokenTable } from './tokens.js'

/** Every layer a stage may require or provide. */
export interface LayerMap {
  blocks: Block[]
  tokens: TokenTable
  sentences: Sentence[]
  mentions: Mention[]
  entities: Entity[]
  attributions: Attribution[]
  times: TimeExpr[]
  techniques: Technique[]
  claims: Claim[]
}
export type LayerName = keyof LayerMap
export const LAYER_NAMES: readonly LayerName[] = [
  'blocks',
  'tokens',
  'sentences',
  'mentions',
  'entities',
  'attributions',
  'times',
  'techniques',
  'claims',
]

/** How `tokensIn` treats tokens that cross the span's edges (spaCy's alignment modes). */
export type AlignMode = 'strict' | 'contract' | 'expand'

/** Index of the first element of sorted `values` that is > `x` (upper bound). */
function upperBound(values: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((values[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class DocView {
  readonly text: string
  readonly meta: Omit<DocumentMeta, 'text'>
  private readonly layers: Partial<LayerMap>
  private lowerCache: string | undefined

  constructor(text: string, meta: Omit<DocumentMeta, 'text'>, layers: Partial<LayerMap>) {
    this.text = text
    this.meta = meta
    this.layers = layers
  }

  /** A layer produced by an earlier stage; throws when the pipeline did not produce it (a wiring bug). */
  layer<K extends LayerName>(name: K): LayerMap[K] {
    const value = this.layers[name]
    if (value === undefined) throw new Error(`CT0301: layer "${name}" has not been produced yet`)
    return value as LayerMap[K]
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined
  }

  get tokens(): TokenTable {
    return this.layers.tokens ?? EMPTY_TOKENS
  }

  get sentences(): Sentence[] {
    return this.layers.sentences ?? []
  }

  /** The whole text lower-cased once (same length as `text` for the scripts news uses). */
  get lower(): string {
    this.lowerCache ??= this.text.toLowerCase()
    return this.lowerCache
  }

  /** Surface of a span. */
  surface(span: Span): string {
    return this.text.slice(span.start, span.end)
  }

  tokenText(i: number): string {
    const t = this.tokens
    return this.text.slice(t.starts[i], t.ends[i])
  }

  /** Index of the token covering `offset`, or -1 when `offset` falls between tokens. */
  tokenAt(offset: number): number {
    const t = this.tokens
    const i = upperBound(t.starts, offset) - 1
    return i >= 0 && (t.ends[i] as number) > offset ? i : -1
  }

  /**
   * Token index range `[first, last)` for a character span. `strict`: only if the span's edges fall on
   * token edges (else null); `contract`: tokens fully inside; `expand`: tokens touching the span.
   */
  tokensIn(span: Span, mode: AlignMode = 'expand'): [number, number] | null {
    const t = this.tokens
    if (mode === 'expand') {
      // first token whose end > span.start
      let first = upperBound(t.starts, span.start) - 1
      if (first < 0 || (t.ends[first] as number) <= span.start) first++
      const last = upperBound(t.starts, span.end - 1)
      return first < last ? [first, last] : null
    }
    let first = upperBound(t.starts, span.start - 1)
    let last = upperBound(t.starts, span.end - 1)
    while (last > first && (t.ends[last - 1] as number) > span.end) last--
    if (mode === 'strict') {
      const exactStart = first < t.count && t.starts[first] === span.start
      const exactEnd = last > 0 && t.ends[last - 1] === span.end
      if (!exactStart || !exactEnd) return null
    }
    if (first < 0) first = 0
    return first < last ? [first, last] : null
  }

  /** Index of the sentence holding `offset`, or -1. */
  sentenceIndexAt(offset: number): number {
    const s = this.sentences
    let lo = 0
    let hi = s.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((s[mid] as Sentence).end <= offset) lo = mid + 1
      else hi = mid
    }
    const hit = s[lo]
    return hit && hit.start <= offset ? lo : -1
  }

  sentenceAt(offset: number): Sentence | undefined {
    const i = this.sentenceIndexAt(offset)
    return i >= 0 ? this.sentences[i] : undefined
  }

  /** Items of a span layer that overlap `span`, in layer order. */
  covering<T extends Span>(items: readonly T[], span: Span): T[] {
    return items.filter((item) => item.start < span.end && span.start < item.end)
  }
}
