/**
 * A multiclass linear model over hashed sparse binary features, for inference: feature hash → one row of
 * per-label weights. Rows live in one Float32Array; a Map finds a row. Shared by every perceptron-style
 * model the project ships.
 */

export interface LinearModelData {
  /** Number of labels (columns). */
  labels: number
  /** Feature hashes, one per row. */
  hashes: Uint32Array
  /** Row-major weights: `weights[row * labels + label]`. */
  weights: Float32Array
}

export class LinearModel {
  readonly labelCount: number
  /** The rows as loaded, for saving. */
  readonly data: LinearModelData
  // Open-addressing table from feature hash to row offset: a Map keyed by uint32 values above 2^31 (not
  // small integers in V8) made scoring several times slower. Linear probing; each slot is [key as int32,
  // row offset] side by side, so a probe touches one cache line; row -1 marks an empty slot.
  private readonly slots: Int32Array
  private readonly mask: number
  // One bit per (mixed) hash value, set for every feature the model has: about 8 bits a feature, so a
  // fraction of the table's size that stays in the CPU's cache. Most features asked for are absent (a
  // word pair never seen in training); the bit says so without a probe of the table, which at several
  // megabytes is mostly a read from memory (~90 ns a probe, measured in the entity tagger).
  private readonly present: Int32Array
  private readonly presentShift: number
  private readonly weights: Float32Array

  constructor(data: LinearModelData) {
    this.data = data
    this.labelCount = data.labels
    this.weights = data.weights
    let size = 16
    while (size < data.hashes.length * 2) size *= 2
    this.mask = size - 1
    this.slots = new Int32Array(2 * size).fill(-1)
    for (let r = 0; r < data.hashes.length; r++) {
      const key = (data.hashes[r] as number) | 0
      let slot = mix(key) & this.mask
      while ((this.slots[2 * slot + 1] as number) >= 0 && this.slots[2 * slot] !== key)
        slot = (slot + 1) & this.mask
      this.slots[2 * slot] = key
      this.slots[2 * slot + 1] = r * data.labels
    }
    let bits = 10
    while (1 << bits < data.hashes.length * 8) bits++
    this.presentShift = 32 - bits
    this.present = new Int32Array(1 << (bits - 5))
    for (let r = 0; r < data.hashes.length; r++) {
      const bit = mix((data.hashes[r] as number) | 0) >>> this.presentShift
      this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31))
    }
  }

  /**
   * Offset of a feature hash's row in `data.weights` (`row * labelCount`), or -1 when the model has no
   * weights for it.
   */
  row(key: number): number {
    const k = key | 0
    const mixed = mix(k)
    const bit = mixed >>> this.presentShift
    if (((this.present[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1
    const slots = this.slots
    let slot = mixed & this.mask
    for (;;) {
      const row = slots[2 * slot + 1] as number
      if (row < 0 || slots[2 * slot] === k) return row
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * Adds the weights of `features[0..count)` into `scores` (length ≥ labelCount), which it clears first.
   *
   * @example
   * const scores = new Float64Array(model.labelCount)
   * model.score(features, features.length, scores)
   */
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    const L = this.labelCount
    scores.fill(0, 0, L)
    const w = this.weights
    for (let i = 0; i < count; i++) {
      const base = this.row(features[i] as number)
      if (base < 0) continue
      for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (w[base + l] as number)
    }
  }

  get featureCount(): number {
    return this.data.hashes.length
  }
}

/** Spreads a hash's bits before masking (feature hashes are FNV values; low bits alone cluster). */
function mix(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0
}

/**
 * Index of the largest score among labels allowed by `allowed` (all when omitted); ties go to the lower index,
 * so decoding is deterministic.
 *
 * @example
 * argmax(new Float64Array([0.1, 2, 2])) // 1
 */
export function argmax(
  scores: ArrayLike<number>,
  count: number = scores.length,
  allowed?: (l: number) => boolean,
): number {
  let best = -1
  let bestScore = -Infinity
  for (let l = 0; l < count; l++) {
    if (allowed && !allowed(l)) continue
    const s = scores[l] as number
    if (s > bestScore) {
      bestScore = s
      best = l
    }
  }
  return best
}

/**
 * The mean of several models' weights (a feature absent from a model counts as 0), rounded to `decimals`,
 * with weights below `minWeight` dropped. Rows come out sorted by hash, so the result is deterministic.
 *
 * @example
 * const merged = mergeLinearModels([a, b, c], 0.01, 3)
 */
export function mergeLinearModels(
  models: readonly LinearModel[],
  minWeight: number,
  decimals: number,
): LinearModel {
  const L = (models[0] as LinearModel).labelCount
  const sums = new Map<number, Float64Array>()
  for (const model of models) {
    const { hashes, weights } = model.data
    for (let r = 0; r < hashes.length; r++) {
      const key = hashes[r] as number
      let row = sums.get(key)
      if (!row) {
        row = new Float64Array(L)
        sums.set(key, row)
      }
      for (let l = 0; l < L; l++) row[l] = (row[l] as number) + (weights[r * L + l] as number)
    }
  }
  const scale = 10 ** decimals
  const keys = [...sums.keys()].sort((a, b) => a - b)
  const hashes: number[] = []
  const weights: number[] = []
  for (const key of keys) {
    const row = sums.get(key) as Float64Array
    const values = Array.from(row, (v) => {
      const mean = Math.round((v / models.length) * scale) / scale
      return Math.abs(mean) < minWeight ? 0 : mean
    })
    if (values.every((v) => v === 0)) continue
    hashes.push(key)
    weights.push(...values)
  }
  return new LinearModel({ labels: L, hashes: Uint32Array.from(hashes), weights: Float32Array.from(weights) })
}
