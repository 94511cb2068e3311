import { describe, expect, it } from 'vitest'
import { AveragedPerceptron } from './averaged-perceptron.js'
import { LinearModel } from './linear-model.js'
import { decodeLinearModel, encodeLinearModel } from './model-codec.js'

describe('model-codec', () => {
  it('round-trips a trained model within the int16 quantisation step', () => {
    const p = new AveragedPerceptron(3)
    const examples: [number[], number][] = [
      [[11, 12], 0],
      [[12, 13], 1],
      [[13, 14], 2],
    ]
    const scores = new Float64Array(3)
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const [features, gold] of examples) {
        p.score(features, features.length, scores)
        const predicted = scores.indexOf(Math.max(...scores))
        p.update(features, features.length, gold, predicted)
        p.tick()
      }
    }
    const model = p.average()
    const decoded = new LinearModel(decodeLinearModel(encodeLinearModel(model.data)))
    const a = new Float64Array(3)
    const b = new Float64Array(3)
    for (const [features, gold] of examples) {
      model.score(features, features.length, a)
      decoded.score(features, features.length, b)
      for (let l = 0; l < 3; l++) expect(b[l]).toBeCloseTo(a[l] as number, 3)
      expect(a.indexOf(Math.max(...a))).toBe(gold)
    }
  })

  it('rejects bytes that are not a model', () => {
    expect(() => decodeLinearModel(new TextEncoder().encode('not a model file at all'))).toThrow(/CT0902/)
  })
})
