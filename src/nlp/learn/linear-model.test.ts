import { describe, expect, it } from 'vitest'
import { LinearModel, mergeLinearModels } from './linear-model.js'

const model = (hashes: number[], weights: number[]): LinearModel =>
  new LinearModel({ labels: 2, hashes: Uint32Array.from(hashes), weights: Float32Array.from(weights) })

describe('linear-model', () => {
  it('scores the sum of the rows of the features it knows, for hashes above 2^31 too', () => {
    const m = model([7, 0xfffffff0], [1, -1, 0.5, 2])
    const scores = new Float64Array(2)
    m.score([7, 0xfffffff0, 12345], 3, scores)
    expect([...scores]).toEqual([1.5, 1])
  })

  it('finds the row of every feature it has and no row for the features it lacks', () => {
    // Hashes spread like the FNV values features have; the presence bits must never hide a feature.
    const hashes = Array.from({ length: 5000 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0)
    const m = model(
      hashes,
      hashes.flatMap((_, i) => [i, -i]),
    )
    hashes.forEach((h, i) => expect(m.row(h)).toBe(2 * i))
    const known = new Set(hashes)
    let absent = 0
    for (let k = 0; k < 20000; k++) {
      const h = Math.imul(k + 7919, 0x85ebca6b) >>> 0
      if (known.has(h)) continue
      expect(m.row(h)).toBe(-1)
      absent++
    }
    expect(absent).toBeGreaterThan(19000)
  })

  it('merges models by the mean of their weights, dropping tiny ones', () => {
    const merged = mergeLinearModels([model([1, 2], [2, 0, 0.01, 0]), model([1, 3], [0, 4, 1, 1])], 0.01, 3)
    expect([...merged.data.hashes]).toEqual([1, 3])
    expect([...merged.data.weights]).toEqual([1, 2, 0.5, 0.5])
  })
})
