/**
 * Per-token logits for every technique: the token's own features plus its sentence's features, summed
 * over the weight rows. The sentence part is computed once per sentence and shared by its tokens.
 */
import { MAX_TOKEN_FEATURES, type DocFeatures } from './token-features.js'

/**
 * Dense hashed weights: bucket b, label k at `weights[b × labels + k]`, times `scale`. The shipped
 * model is int8; training scores its float table through the same code with scale 1.
 */
export interface WeightTable {
  readonly bits: number
  readonly labels: number
  readonly weights: Int8Array | Float32Array
  readonly scale: number
}

/**
 * Sentence features are scaled by 1/√(count) so a long sentence does not outweigh the token's own
 * evidence (the usual length normalisation of bag-of-words vectors).
 *
 * @example
 * sentenceScale(16) // 0.25
 */
export function sentenceScale(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0
}

let tokenBuf = new Uint32Array(MAX_TOKEN_FEATURES)
let sentBuf = new Uint32Array(256)
let sentScores = new Float64Array(16)
let acc = new Float64Array(16)

/**
 * Fills `out[i × labels + k]` with the logit of token i for label k; `out` is grown when too small and
 * returned.
 *
 * @example
 * const logits = scoreTokens(feats, model, scratch)
 */
export function scoreTokens(feats: DocFeatures, table: WeightTable, out: Float32Array): Float32Array {
  const K = table.labels
  const mask = (1 << table.bits) - 1
  const { weights, scale: unit } = table
  if (out.length < feats.n * K) out = new Float32Array(Math.max(feats.n * K, out.length * 2))
  if (sentScores.length < K) sentScores = new Float64Array(K)
  if (acc.length < K) acc = new Float64Array(K)
  if (tokenBuf.length < MAX_TOKEN_FEATURES) tokenBuf = new Uint32Array(MAX_TOKEN_FEATURES)
  for (let si = 0; si < feats.sentences; si++) {
    const lo = feats.sentStart[si] as number
    const hi = feats.sentEnd[si] as number
    if (hi <= lo) continue
    if (sentBuf.length < feats.sentenceCapacity(si)) sentBuf = new Uint32Array(feats.sentenceCapacity(si) * 2)
    const m = feats.sentenceFeatures(si, sentBuf)
    const scale = sentenceScale(m)
    sentScores.fill(0, 0, K)
    for (let f = 0; f < m; f++) {
      const base = ((sentBuf[f] as number) & mask) * K
      for (let k = 0; k < K; k++)
        sentScores[k] = (sentScores[k] as number) + (weights[base + k] as number) * scale
    }
    // Sentence and token sums stay in weight units; `unit` converts the total once per token.
    for (let i = lo; i < hi; i++) {
      // A float64 accumulator: summing straight into the float32 output would round on every add.
      for (let k = 0; k < K; k++) acc[k] = sentScores[k] as number
      const n = feats.tokenFeatures(i, tokenBuf)
      for (let f = 0; f < n; f++) {
        const base = ((tokenBuf[f] as number) & mask) * K
        for (let k = 0; k < K; k++) acc[k] = (acc[k] as number) + (weights[base + k] as number)
      }
      const at = i * K
      for (let k = 0; k < K; k++) out[at + k] = (acc[k] as number) * unit
    }
  }
  return out
}
