/**
 * Turns per-token logits into technique spans: for each technique, the runs of tokens above its
 * threshold inside one sentence, bridging short dips (a span often holds a weak function word: "the
 * Zionist regime"), with punctuation and quote marks trimmed from both ends (the PTC v2 rule trims
 * " \n.,:;" from span edges). Thresholds are tuned on dev for the overlap-credit metric (methods §3.1).
 */
import type { Attribution } from '../../model/layers.js'
import { TokenKind, type TokenTable } from '../../model/tokens.js'
import type { DocFeatures } from './token-features.js'

export interface SpanCandidate {
  /** Token range [first, last). */
  first: number
  last: number
  label: number
  /** Mean logit over the span's tokens. */
  logit: number
  /** Provenance rule when not the tagger's own decoding (a document-level detector). */
  rule?: string
  /** The words that made a detector fire; absent for the tagger (its cues come from its weights). */
  cues?: readonly string[]
  /** The attribution using the technique when a detector set it (see RuleSpan.voice). */
  voice?: Attribution['id'] | null
}

function isEdgeJunk(kind: number): boolean {
  return kind === TokenKind.PUNCT || kind === TokenKind.QUOTE || kind === TokenKind.SYMBOL
}

/** How a technique's spans are read off the token logits. */
export const DecodeMode = {
  /** Runs of tokens above the threshold: short lexical techniques (loaded language, name calling). */
  TOKENS: 0,
  /** The whole sentence when its mean token logit is above the threshold: clause-length techniques. */
  SENTENCE: 1,
} as const

/**
 * Spans for every label whose threshold is finite. `maxGap` is one bridge length for all labels or one
 * per label. `extend` (per label, default 0) is hysteresis: a run is seeded by a token above the
 * threshold and then grows, both ways, over neighbours above `threshold − extend`. Gold spans are about
 * twice as long as single strong words ("brutal" in "brutal murder"), and the overlap-credit metric
 * pays for covering them, so the tuned extension trades a little precision for recall.
 *
 * @example
 * decodeSpans(feats, tokens, logits, 14, thresholds, 1, modes)
 */
export function decodeSpans(
  feats: DocFeatures,
  tokens: TokenTable,
  logits: Float32Array,
  labels: number,
  thresholds: readonly number[],
  maxGap: number | readonly number[],
  modes: readonly number[] = [],
  extend: readonly number[] = [],
): SpanCandidate[] {
  const out: SpanCandidate[] = []
  const kinds = tokens.kinds
  for (let k = 0; k < labels; k++) {
    const theta = thresholds[k] as number
    if (!Number.isFinite(theta)) continue
    if (modes[k] === DecodeMode.SENTENCE) {
      sentenceSpans(feats, kinds, logits, labels, k, theta, out)
      continue
    }
    const gap = typeof maxGap === 'number' ? maxGap : ((maxGap[k] as number | undefined) ?? 0)
    const low = theta - ((extend[k] as number | undefined) ?? 0)
    for (let si = 0; si < feats.sentences; si++) {
      const lo = feats.sentStart[si] as number
      const hi = feats.sentEnd[si] as number
      let i = lo
      let prevEnd = lo
      while (i < hi) {
        if ((logits[i * labels + k] as number) <= theta) {
          i++
          continue
        }
        // Grow left over tokens above the low threshold, never into the previous span.
        let first = i
        while (first > prevEnd && (logits[(first - 1) * labels + k] as number) > low) first--
        // Extend the run, bridging at most `gap` tokens below the low threshold.
        let last = i + 1
        let j = i + 1
        while (j < hi) {
          if ((logits[j * labels + k] as number) > low) {
            last = j + 1
            j++
          } else if (j - last < gap) j++
          else break
        }
        prevEnd = last
        while (first < last && isEdgeJunk(kinds[first] as number)) first++
        let end = last
        // Gold spans hardly ever end on punctuation or a function word ("govt.nz and").
        while (end > first && (isEdgeJunk(kinds[end - 1] as number) || feats.stop[end - 1] === 1)) end--
        if (end > first && !(end - first === 1 && feats.stop[first] === 1)) {
          let sum = 0
          for (let t = first; t < end; t++) sum += logits[t * labels + k] as number
          out.push({ first, last: end, label: k, logit: sum / (end - first) })
        }
        i = last
      }
    }
  }
  return out
}

/** Whole sentences whose mean logit (over non-punctuation tokens) for label k exceeds `theta`. */
function sentenceSpans(
  feats: DocFeatures,
  kinds: Uint8Array,
  logits: Float32Array,
  labels: number,
  k: number,
  theta: number,
  out: SpanCandidate[],
): void {
  for (let si = 0; si < feats.sentences; si++) {
    let first = feats.sentStart[si] as number
    let end = feats.sentEnd[si] as number
    while (first < end && isEdgeJunk(kinds[first] as number)) first++
    while (end > first && isEdgeJunk(kinds[end - 1] as number)) end--
    if (end - first < 2) continue
    let sum = 0
    for (let t = first; t < end; t++) sum += logits[t * labels + k] as number
    const mean = sum / (end - first)
    if (mean > theta) out.push({ first, last: end, label: k, logit: mean })
  }
}
