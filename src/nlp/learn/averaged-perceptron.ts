/**
 * Multiclass averaged perceptron trainer over hashed features (Collins 2002; the averaging trick of
 * Daumé's thesis: keep the weights `w`, an accumulator `u` of step-weighted updates and a step counter
 * `c`; the averaged weights are `w − u/c`, with no per-step pass over all weights).
 * Used by training code only; inference uses {@link LinearModel}.
 */
import { LinearModel } from './linear-model.js'

export class AveragedPerceptron {
  readonly labelCount: number
  /** Per feature: `[w_0..w_L-1, u_0..u_L-1]`. */
  private readonly table = new Map<number, Float64Array>()
  private step = 1

  constructor(labelCount: number) {
    this.labelCount = labelCount
  }

  /** Scores with the current (not averaged) weights, as training needs. */
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void {
    const L = this.labelCount
    scores.fill(0, 0, L)
    for (let i = 0; i < count; i++) {
      const row = this.table.get(features[i] as number)
      if (row === undefined) continue
      for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (row[l] as number)
    }
  }

  /** One example seen: advances the averaging clock. Call once per example, updated or not. */
  tick(): void {
    this.step++
  }

  /** The standard update: +1 on the gold label, −1 on the predicted one (no-op when they agree). */
  update(features: ArrayLike<number>, count: number, gold: number, predicted: number): void {
    if (gold === predicted) return
    const L = this.labelCount
    const c = this.step
    for (let i = 0; i < count; i++) {
      const f = features[i] as number
      let row = this.table.get(f)
      if (row === undefined) {
        row = new Float64Array(2 * L)
        this.table.set(f, row)
      }
      row[gold] = (row[gold] as number) + 1
      row[L + gold] = (row[L + gold] as number) + c
      row[predicted] = (row[predicted] as number) - 1
      row[L + predicted] = (row[L + predicted] as number) - c
    }
  }

  /**
   * The averaged weights as an inference model. Weights with |w| < `minWeight` are dropped and the rest are
   * rounded to `decimals`, which keeps the shipped file small without a measurable loss (checked on dev).
   */
  average(minWeight = 0, decimals = 3): LinearModel {
    const L = this.labelCount
    const c = this.step
    const scale = 10 ** decimals
    const keys = [...this.table.keys()].sort((a, b) => a - b)
    const hashes: number[] = []
    const weights: number[] = []
    const row = new Float64Array(L)
    for (const key of keys) {
      const raw = this.table.get(key) as Float64Array
      let keep = false
      for (let l = 0; l < L; l++) {
        let v = (raw[l] as number) - (raw[L + l] as number) / c
        v = Math.round(v * scale) / scale
        if (Math.abs(v) < minWeight) v = 0
        row[l] = v
        if (v !== 0) keep = true
      }
      if (!keep) continue
      hashes.push(key)
      for (let l = 0; l < L; l++) weights.push(row[l] as number)
    }
    return new LinearModel({
      labels: L,
      hashes: Uint32Array.from(hashes),
      weights: Float32Array.from(weights),
    })
  }

  get featureCount(): number {
    return this.table.size
  }
}
