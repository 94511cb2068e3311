/**
 * Content boundaries (PolNeAR conventions, methods §2): content runs from its first token to the end
 * of the sentence — or to the end of a quotation that opened inside it and crosses sentences — but
 * stops before a trailing ", saying/adding …" (its own attribution), ", according to …" and a
 * sentence-final ", he said" tag. The sentence-final period is left out; quote marks stay in.
 */
import type { Span } from '../../model/span.js'
import type { AttributionDoc } from './attribution-doc.js'
import { nounPhraseBefore } from './noun-phrase.js'
import { verbGroup } from './verb-group.js'
import { PARTICIPIAL_MARKERS } from './words.js'

const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '—', '–', '-'])

/**
 * Token index (exclusive) where content that starts at token `first` ends.
 * Content never runs past the paragraph of its first token unless a quotation carries it.
 */
export function contentEnd(d: AttributionDoc, first: number): number {
  let end = d.sentenceRange(first)[1]
  // a quotation opened inside the content carries it to the quotation's end
  for (let i = first; i < end; i++) {
    const q = d.quoteOf[i] as number
    if (q >= 0) {
      const region = d.quotes[q]
      if (region && region.start >= (d.starts[first] as number)) {
        const closing = d.tokenFrom(region.end - 1)
        if (closing >= end) end = d.sentenceRange(closing)[1]
      }
    }
  }
  for (let i = first + 1; i < end; i++) {
    if (d.lo(i) !== ',' || d.quoteOf[i] !== -1) continue
    const next = d.lo(i + 1)
    if (PARTICIPIAL_MARKERS.has(next) && d.verb(i + 1)) return i
    if (next === 'according' && d.lo(i + 2) === 'to') return i
    if (isFinalTag(d, i, end)) return i
  }
  return end
}

/** ", he said." / ", Salami added." / ", said Sen. X." from the comma at `comma` to the sentence end. */
export function isFinalTag(d: AttributionDoc, comma: number, sentenceEnd: number): boolean {
  for (let v = comma + 1; v < sentenceEnd && v - comma <= 10; v++) {
    if (!d.verb(v)) continue
    const [g0, g1] = verbGroup(d, v)
    const inverted = g0 === comma + 1
    const np = inverted ? null : nounPhraseBefore(d, g0 - 1, comma + 1)
    if (!inverted && (!np || np[0] !== comma + 1)) return false
    // nothing but the source (inverted), a hearer or a time may follow, then the end
    let tail = 0
    for (let k = g1 + 1; k < sentenceEnd; k++) {
      const w = d.lo(k)
      if (w === 'that' || w === ':' || d.isQuoteMark(k)) return false
      if (!d.isPunct(k)) tail++
    }
    return tail <= (inverted ? 10 : 5)
  }
  return false
}

/**
 * The content span from token `first` to `endExclusive` (or the computed clause end), with trailing
 * punctuation and spaces trimmed; null when nothing is left.
 */
export function contentSpan(
  d: AttributionDoc,
  first: number,
  endExclusive = contentEnd(d, first),
): Span | null {
  let last = endExclusive - 1
  while (last >= first && TRAILING_PUNCT.has(d.lo(last))) last--
  if (last < first) return null
  return d.span(first, last)
}
