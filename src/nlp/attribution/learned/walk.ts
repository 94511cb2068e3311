/**
 * The greedy left-to-right walks both models share at training and at inference: which tokens the cue
 * model looks at and which the span model labels for a cue, and how labels become spans. Training passes
 * a `decide` that scores, updates and returns its prediction; inference passes the argmax.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import {
  CUE_HISTORY,
  CUE_LABELS,
  cueContext,
  cueFeatures,
  MAX_FEATURES,
  SPAN_LABELS,
  spanFeatures,
} from './features.js'
import type { TokenTable } from './token-table.js'

/** How far the span model looks from the cue, in tokens (median content 11 words, p90 34). */
const WINDOW_LEFT = 40
const WINDOW_RIGHT = 50
/** A cue this close to its sentence's start or end also sees the sentence before or after ("…?” Clinton said."). */
const EDGE = 3

/** Labels one token from its features; `token` lets training look up the gold label. */
export type Decide = (features: Uint32Array, count: number, token: number) => number

const buffer = new Uint32Array(MAX_FEATURES)

/**
 * Runs the cue model over the tokens `isCandidate` admits (and every token right after a cue token, so a
 * cue can grow); returns each token's label (0 for tokens never looked at).
 */
export function walkCues(
  d: AttributionDoc,
  t: TokenTable,
  isCandidate: (i: number) => boolean,
  decide: Decide,
): Uint8Array {
  const labels = new Uint8Array(d.n)
  let previous: number = CUE_LABELS.O
  let previousSentence = -1
  for (let i = 0; i < d.n; i++) {
    const sentence = d.sentOf[i] as number
    if (sentence !== previousSentence) previous = CUE_LABELS.O
    previousSentence = sentence
    if (previous === CUE_LABELS.O && !isCandidate(i)) continue
    const label = decide(buffer, cueFeatures(d, t, i, previous, buffer), i)
    labels[i] = label
    previous = label
  }
  return labels
}

/** Cue token ranges [first, last] from cue labels. */
export function cueRanges(labels: Uint8Array, d: AttributionDoc): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== CUE_LABELS.CUE) continue
    let last = i
    while (labels[last + 1] === CUE_LABELS.CUE && d.sentOf[last + 1] === d.sentOf[i]) last++
    out.push([i, last])
    i = last
  }
  return out
}

/**
 * The span model's window for a cue, [from, to) token indices: the cue's sentence, and the sentence
 * before (after) when the cue sits at its sentence's start (end), within the paragraph and the reach
 * above. Sentence-sized windows keep the walk cheap; the neighbours catch tags split off a quotation.
 */
export function spanWindow(d: AttributionDoc, first: number, last: number): [number, number] {
  const sentence = d.sentOf[first] as number
  let from = d.sentFirst[sentence] as number
  if (first - from < EDGE && sentence > 0) from = d.sentFirst[sentence - 1] as number
  let to = d.sentEnd[d.sentOf[last] as number] as number
  if (to - last <= EDGE && to < d.n) to = d.sentEnd[d.sentOf[to] as number] as number
  const paragraph = d.paraOf[first]
  from = Math.max(from, first - WINDOW_LEFT)
  to = Math.min(to, last + 1 + WINDOW_RIGHT)
  while (d.paraOf[from] !== paragraph) from++
  while (d.paraOf[to - 1] !== paragraph) to--
  return [from, to]
}

/**
 * Labels the window around the cue [first, last] token by token; returns the labels of tokens
 * [from, to) (the cue's own tokens get {@link CUE_HISTORY}).
 */
export function walkSpans(
  d: AttributionDoc,
  t: TokenTable,
  first: number,
  last: number,
  decide: Decide,
): { from: number; labels: Uint8Array } {
  const [from, to] = spanWindow(d, first, last)
  const cue = cueContext(d, t, first, last)
  const labels = new Uint8Array(to - from)
  let p1: number = SPAN_LABELS.O
  let p2: number = SPAN_LABELS.O
  for (let j = from; j < to; j++) {
    let label: number
    if (j >= first && j <= last) label = CUE_HISTORY
    else {
      const count = spanFeatures(d, t, cue, j, p1, p2, buffer)
      label = decide(buffer, count, j)
    }
    labels[j - from] = label
    p2 = p1
    p1 = label
  }
  return { from, labels }
}

/**
 * Spans from span-model labels: the content is the covering span of every content token (PolNeAR keeps
 * discontinuous contents as one covering span in our copy), the source the source run nearest the cue.
 */
export function spansFromLabels(
  from: number,
  labels: Uint8Array,
  first: number,
  last: number,
): { content: [number, number] | null; source: [number, number] | null } {
  let contentFirst = -1
  let contentLast = -1
  let source: [number, number] | null = null
  let sourceDistance = Infinity
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k]
    const j = from + k
    if (label === SPAN_LABELS.CONTENT) {
      if (contentFirst < 0) contentFirst = j
      contentLast = j
    } else if (label === SPAN_LABELS.SOURCE && labels[k - 1] !== SPAN_LABELS.SOURCE) {
      let end = j
      while (labels[end - from + 1] === SPAN_LABELS.SOURCE) end++
      const distance = end < first ? first - end : j - last
      if (distance < sourceDistance) {
        sourceDistance = distance
        source = [j, end]
      }
    }
  }
  return { content: contentFirst < 0 ? null : [contentFirst, contentLast], source }
}
