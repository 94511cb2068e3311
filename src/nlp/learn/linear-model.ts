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
  private readonly rows: Map<number, number>
  private readonly weights: Float32Array

  constructor(data: LinearModelData) {
    this.data = data
    this.labelCount = data.labels
    this.weights = data.weights
    this.rows = new Map()
    for (let r = 0; r < data.hashes.length; r++) this.rows.set(data.hashes[r] as number, r * data.labels)
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
      const base = this.rows.get(features[i] as number)
      if (base === undefined) continue
      for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (w[base + l] as number)
    }
  }

  get featureCount(): number {
    return this.rows.size
  }
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
