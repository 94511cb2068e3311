import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { loadCueLexicon } from './lexicon.js'
import { loadTechniqueModel } from './model.js'
import { FAST_STRIDE, packRows16, scoreTokens, type WeightTable } from './score-tokens.js'
import { corpusText } from './test-helpers.js'
import { DocFeatures } from './token-features.js'

describe('scoreTokens', () => {
  it('gives the shipped model the same logits on the packed fast path as on the generic loop', () => {
    const model = loadTechniqueModel()
    expect(model.stride).toBe(FAST_STRIDE)
    // The same int8 weights without the row padding: scored by the generic loop.
    const K = model.labels
    const rows = 1 << model.bits
    const plain = new Int8Array(rows * K)
    for (let b = 0; b < rows; b++)
      for (let k = 0; k < K; k++) plain[b * K + k] = model.weights[b * FAST_STRIDE + k] as number
    const generic: WeightTable = { bits: model.bits, labels: K, weights: plain, scale: model.scale }
    const text = corpusText('irgc-salami-interview')
    const { view } = createPipeline([tokensStage], { validate: false }).runToView({ text })
    const feats = new DocFeatures(loadCueLexicon().masks, model.priors)
    feats.load(view.text, view.tokens, view.sentences)
    const n = view.tokens.count * K
    const fast = scoreTokens(feats, model, new Float32Array(n)).slice(0, n)
    const slow = scoreTokens(feats, generic, new Float32Array(n)).slice(0, n)
    expect(n).toBeGreaterThan(1000)
    expect(Array.from(fast)).toEqual(Array.from(slow))
  })

  it('packs two biased int8 weights into each int32 lane pair', () => {
    const packed = packRows16(Int8Array.from({ length: 16 }, (_, k) => (k % 2 === 0 ? -128 + k : 127 - k)))
    expect(packed).toHaveLength(8)
    expect(packed[0]! & 0xffff).toBe(0) // -128 + 128
    expect(packed[0]! >>> 16).toBe(254) // 126 + 128
    expect(packed[7]! & 0xffff).toBe(14)
    expect(packed[7]! >>> 16).toBe(240) // 112 + 128
  })
})
