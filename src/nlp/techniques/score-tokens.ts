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

/** Offset that makes an int8 weight a non-negative 16-bit lane value. */
const LANE_BIAS = 128

/**
 * The int8 rows of 16 packed two to an int32: lane k in the low 16 bits of word k / 2 for even k, the
 * high 16 bits for odd k, each stored as weight + 128 (0..255). Adding packed words adds both lanes at
 * once without carry between them while fewer than 257 features are summed (255 × 256 < 2^16), which
 * {@link MAX_TOKEN_FEATURES} guarantees: 8 integer adds per feature instead of 16 float adds.
 *
 * @example
 * const packed = packRows16(table.weights as Int8Array)
 */
export function packRows16(weights: Int8Array): Int32Array {
  const rows = weights.length / FAST_STRIDE
  const packed = new Int32Array(rows * (FAST_STRIDE / 2))
  for (let j = 0; j < packed.length; j++) {
    const lo = (weights[2 * j] as number) + LANE_BIAS
    const hi = (weights[2 * j + 1] as number) + LANE_BIAS
    packed[j] = lo | (hi << 16)
  }
  return packed
}

let packedFor: WeightTable | undefined
let packedRows: Int32Array = new Int32Array(0)

/**
 * {@link scoreTokens} for int8 rows of 16: the sentence part as in the generic loop, the token part as
 * packed integer sums (see {@link packRows16}) held in eight locals. Integer sums are exact, so the
 * logits are those of the generic loop up to float rounding of the last add.
 */
function scoreTokens16(feats: DocFeatures, table: WeightTable, out: Float32Array): Float32Array {
  const K = table.labels
  const mask = (1 << table.bits) - 1
  const { weights: w, scale: unit } = table
  if (packedFor !== table) {
    packedRows = packRows16(w as Int8Array)
    packedFor = table
  }
  const p = packedRows
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
      let a0 = 0
      let a1 = 0
      let a2 = 0
      let a3 = 0
      let a4 = 0
      let a5 = 0
      let a6 = 0
      let a7 = 0
      const n = feats.tokenFeatures(i, tokenBuf)
      for (let f = 0; f < n; f++) {
        const b = ((tokenBuf[f] as number) & mask) << 3
        a0 = (a0 + (p[b] as number)) | 0
        a1 = (a1 + (p[b + 1] as number)) | 0
        a2 = (a2 + (p[b + 2] as number)) | 0
        a3 = (a3 + (p[b + 3] as number)) | 0
        a4 = (a4 + (p[b + 4] as number)) | 0
        a5 = (a5 + (p[b + 5] as number)) | 0
        a6 = (a6 + (p[b + 6] as number)) | 0
        a7 = (a7 + (p[b + 7] as number)) | 0
      }
      const bias = LANE_BIAS * n
      acc[0] = (a0 & 0xffff) - bias
      acc[1] = (a0 >>> 16) - bias
      acc[2] = (a1 & 0xffff) - bias
      acc[3] = (a1 >>> 16) - bias
      acc[4] = (a2 & 0xffff) - bias
      acc[5] = (a2 >>> 16) - bias
      acc[6] = (a3 & 0xffff) - bias
      acc[7] = (a3 >>> 16) - bias
      acc[8] = (a4 & 0xffff) - bias
      acc[9] = (a4 >>> 16) - bias
      acc[10] = (a5 & 0xffff) - bias
      acc[11] = (a5 >>> 16) - bias
      acc[12] = (a6 & 0xffff) - bias
      acc[13] = (a6 >>> 16) - bias
      acc[14] = (a7 & 0xffff) - bias
      acc[15] = (a7 >>> 16) - bias
      const at = i * K
      for (let k = 0; k < K; k++) out[at + k] = ((s[k] as number) + (acc[k] as number)) * unit
    }
  }
  return out
}
