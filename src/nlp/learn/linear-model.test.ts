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

  it('merges models by the mean of their weights, dropping tiny ones', () => {
    const merged = mergeLinearModels([model([1, 2], [2, 0, 0.01, 0]), model([1, 3], [0, 4, 1, 1])], 0.01, 3)
    expect([...merged.data.hashes]).toEqual([1, 3])
    expect([...merged.data.weights]).toEqual([1, 2, 0.5, 0.5])
  })
})
