/**
 * Per-token logits for every technique: the token's own features plus its sentence's features, summed
 * over the weight rows. The sentence part is computed once per sentence and shared by its tokens.
 */
import { MAX_TOKEN_FEATURES, type DocFeatures } from './token-features.js'

/**
 * Dense hashed weights: bucket b, label k at `weights[b × stride + k]`, times `scale`. The shipped
 * model is int8 with rows padded to 16 (one aligned quarter cache line, and a fully unrolled add);
 * training scores its float table (stride = labels) through the generic loop with scale 1.
 */
export interface WeightTable {
  readonly bits: number
  readonly labels: number
  /** Row length in `weights`; `labels` when absent. */
  readonly stride?: number
  readonly weights: Int8Array | Float32Array
  readonly scale: number
}

/** The row length of the unrolled fast path. */
export const FAST_STRIDE = 16

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
  if (table.stride === FAST_STRIDE) return scoreTokens16(feats, table, out)
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

/**
 * {@link scoreTokens} for rows of 16: the 16 sums live in locals (registers) instead of an array, which
 * more than halves the time of the hot loop. Same arithmetic, same order, so the same logits.
 */
function scoreTokens16(feats: DocFeatures, table: WeightTable, out: Float32Array): Float32Array {
  const K = table.labels
  const mask = (1 << table.bits) - 1
  const { weights: w, scale: unit } = table
  if (out.length < feats.n * K) out = new Float32Array(Math.max(feats.n * K, out.length * 2))
  if (sentScores.length < FAST_STRIDE) sentScores = new Float64Array(FAST_STRIDE)
  if (acc.length < FAST_STRIDE) acc = new Float64Array(FAST_STRIDE)
  const s = sentScores
  for (let si = 0; si < feats.sentences; si++) {
    const lo = feats.sentStart[si] as number
    const hi = feats.sentEnd[si] as number
    if (hi <= lo) continue
    if (sentBuf.length < feats.sentenceCapacity(si)) sentBuf = new Uint32Array(feats.sentenceCapacity(si) * 2)
    const m = feats.sentenceFeatures(si, sentBuf)
    const scale = sentenceScale(m)
    s.fill(0)
    for (let f = 0; f < m; f++) {
      const base = ((sentBuf[f] as number) & mask) * FAST_STRIDE
      for (let k = 0; k < K; k++) s[k] = (s[k] as number) + (w[base + k] as number) * scale
    }
    for (let i = lo; i < hi; i++) {
      let a0 = s[0] as number
      let a1 = s[1] as number
      let a2 = s[2] as number
      let a3 = s[3] as number
      let a4 = s[4] as number
      let a5 = s[5] as number
      let a6 = s[6] as number
      let a7 = s[7] as number
      let a8 = s[8] as number
      let a9 = s[9] as number
      let a10 = s[10] as number
      let a11 = s[11] as number
      let a12 = s[12] as number
      let a13 = s[13] as number
      let a14 = s[14] as number
      let a15 = s[15] as number
      const n = feats.tokenFeatures(i, tokenBuf)
      for (let f = 0; f < n; f++) {
        const b = ((tokenBuf[f] as number) & mask) << 4
        a0 += w[b] as number
        a1 += w[b + 1] as number
        a2 += w[b + 2] as number
        a3 += w[b + 3] as number
        a4 += w[b + 4] as number
        a5 += w[b + 5] as number
        a6 += w[b + 6] as number
        a7 += w[b + 7] as number
        a8 += w[b + 8] as number
        a9 += w[b + 9] as number
        a10 += w[b + 10] as number
        a11 += w[b + 11] as number
        a12 += w[b + 12] as number
        a13 += w[b + 13] as number
        a14 += w[b + 14] as number
        a15 += w[b + 15] as number
      }
      acc[0] = a0
      acc[1] = a1
      acc[2] = a2
      acc[3] = a3
      acc[4] = a4
      acc[5] = a5
      acc[6] = a6
      acc[7] = a7
      acc[8] = a8
      acc[9] = a9
      acc[10] = a10
      acc[11] = a11
      acc[12] = a12
      acc[13] = a13
      acc[14] = a14
      acc[15] = a15
      const at = i * K
      for (let k = 0; k < K; k++) out[at + k] = (acc[k] as number) * unit
    }
  }
  return out
}
