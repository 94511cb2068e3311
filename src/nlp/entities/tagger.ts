/**
 * Greedy left-to-right BILOU decoding (Ratinov & Roth 2009 found it as good as Viterbi for NER, and it is
 * much faster). Illegal transitions are not masked: {@link decodeBilou} repairs them afterwards. Masking
 * (only I/L after B/I) made an early B-versus-U choice irrevocable ("American Dennis Mitchell" came out as
 * one MISC span) and cost about 1 F1 on CoNLL dev. Training drives the same loop through `onStep`.
 */
import { decodeBilou, type TokenSpan } from '../learn/bilou.js'
import { argmax } from '../learn/linear-model.js'
import {
  documentContext,
  dynamicFeatures,
  MAX_DYNAMIC_FEATURES,
  recordHistory,
  type DocumentHistory,
  type SentenceFeatures,
  type UnitKeys,
} from './features.js'

/** Anything that scores a feature list: the trainer's live weights or the shipped model. */
export interface Scorer {
  readonly labelCount: number
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void
}

/**
 * Called at each unit during training: `features[0..count)` and the predicted label; returns the label to
 * use as history (the prediction itself for learning on one's own history).
 */
export type StepHook = (features: Uint32Array, count: number, unit: number, predicted: number) => number

/**
 * Labels one sentence greedily; updates the document `history` with the labels chosen.
 *
 * @example
 * const labels = tagSentence(model, sentenceFeatures(texts, resources), new Map(), 4)
 */
export function tagSentence(
  scorer: Scorer,
  f: SentenceFeatures,
  history: DocumentHistory,
  typeCount: number,
  onStep?: StepHook,
  context?: Int32Array,
): Int32Array {
  const n = f.offsets.length - 1
  const labels = new Int32Array(n)
  const L = scorer.labelCount
  const scores = new Float64Array(L)
  let buffer = new Uint32Array(64)
  let prev1 = -1
  let prev2 = -1
  for (let i = 0; i < n; i++) {
    const from = f.offsets[i] as number
    const to = f.offsets[i + 1] as number
    const need = to - from + MAX_DYNAMIC_FEATURES
    if (buffer.length < need) buffer = new Uint32Array(need * 2)
    buffer.set(f.features.subarray(from, to), 0)
    const count = dynamicFeatures(f, i, prev1, prev2, history, buffer, to - from, context)
    scorer.score(buffer, count, scores)
    let best = argmax(scores, L)
    if (i === n - 1) best = closeSpan(best)
    const label = onStep ? onStep(buffer, count, i, best) : best
    labels[i] = label
    prev2 = prev1
    prev1 = label
  }
  recordSentenceHistory(f, labels, typeCount, history)
  return labels
}

/** The label the last unit of a sentence takes instead of `label`: B→U, I→L of the same type (spans close). */
export function closeSpan(label: number): number {
  if (label <= 0) return label
  const pos = (label - 1) & 3
  return pos === 0 ? label + 3 : pos === 1 ? label + 1 : label
}

/** Records each unit's type under `labels` (−1 outside spans) in the document history. */
export function recordSentenceHistory(
  keys: UnitKeys,
  labels: Int32Array,
  typeCount: number,
  history: DocumentHistory,
): void {
  const spans = decodeBilou(labels)
  let k = 0
  for (let i = 0; i < labels.length; i++) {
    while (k < spans.length && (spans[k] as TokenSpan).end <= i) k++
    const span = spans[k]
    recordHistory(keys, i, span && span.start <= i ? span.type : -1, typeCount, history)
  }
}

/** Entity type (−1 for none) of each unit under BILOU labels. */
export function unitTypes(labels: Int32Array): Int32Array {
  const types = new Int32Array(labels.length).fill(-1)
  for (const span of decodeBilou(labels)) types.fill(span.type, span.start, span.end)
  return types
}

/**
 * Labels a whole document in two passes: the first without document context, the second with what the
 * first said about the other occurrences of each word ({@link documentContext}), so a headline's
 * "SALAMI" learns from the "Hossein Salami" of the body. Training updates on the second pass only.
 *
 * @example
 * const labels = tagDocumentUnits(model.scorer, documentFeatures(sentences, resources), 4)
 */
export function tagDocumentUnits(
  scorer: Scorer,
  features: readonly SentenceFeatures[],
  typeCount: number,
  onStep?: (sentence: number) => StepHook,
): Int32Array[] {
  const first: Int32Array[] = []
  let history: DocumentHistory = new Map()
  for (const f of features) first.push(unitTypes(tagSentence(scorer, f, history, typeCount)))
  const context = documentContext(features, first, typeCount)
  history = new Map()
  return features.map((f, s) => tagSentence(scorer, f, history, typeCount, onStep?.(s), context[s]))
}
