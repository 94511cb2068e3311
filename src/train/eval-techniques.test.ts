import { describe, expect, it } from 'vitest'
import { mergeSpans, overlapSums, prf, TechniqueScorer } from './eval-techniques.js'

// Offsets point into a real sentence (test/corpus/irgc-salami-interview).
const TEXT = 'That means, he added, no safe place has been left for the Zionist regime.'
const S = (start: number, end: number, technique = 'loaded_language') => ({ start, end, technique })

it('the offsets used below mark the intended phrases', () => {
  expect(TEXT.slice(22, 72)).toBe('no safe place has been left for the Zionist regime')
  expect(TEXT.slice(50, 72)).toBe('for the Zionist regime')
  expect(TEXT.slice(58, 72)).toBe('Zionist regime')
})

describe('overlapSums (Da San Martino et al. 2019 partial-overlap credit)', () => {
  it.each([
    ['exact match', [S(22, 72)], [S(22, 72)], 1, 1],
    ['prediction longer than gold: partly precise, fully recalled', [S(22, 72)], [S(50, 72)], 22 / 50, 1],
    ['prediction inside gold: fully precise, partly recalled', [S(58, 72)], [S(22, 72)], 1, 14 / 50],
    ['disjoint', [S(0, 10)], [S(22, 72)], 0, 0],
    ['touching half-open spans do not overlap', [S(0, 22)], [S(22, 72)], 0, 0],
  ])('%s', (_, pred, gold, precisionSum, recallSum) => {
    const s = overlapSums(pred, gold)
    expect(s.precisionSum).toBeCloseTo(precisionSum, 9)
    expect(s.recallSum).toBeCloseTo(recallSum, 9)
  })

  it('one prediction covering two gold spans earns recall from both', () => {
    const s = overlapSums([S(0, 100)], [S(10, 20), S(50, 60)])
    expect(s.recallSum).toBeCloseTo(2, 9)
    expect(s.precisionSum).toBeCloseTo(0.2, 9)
    expect(s.predicted).toBe(1)
    expect(s.gold).toBe(2)
  })

  it('merges overlapping predictions, so splitting a span loses nothing and nothing counts twice', () => {
    expect(mergeSpans([S(0, 5), S(3, 9), S(12, 14)])).toEqual([
      { start: 0, end: 9 },
      { start: 12, end: 14 },
    ])
    const s = overlapSums([S(22, 50), S(40, 72)], [S(22, 72)]) // two overlapping pieces of one gold span
    expect(s.predicted).toBe(1)
    expect(s.recallSum).toBeCloseTo(1, 9)
  })
})

describe('prf', () => {
  it('is 1 when there is neither prediction nor gold (the scorer rule)', () => {
    expect(prf({ precisionSum: 0, predicted: 0, recallSum: 0, gold: 0 }).f1).toBe(1)
  })
  it('is 0 with predictions and no gold', () => {
    expect(prf({ precisionSum: 0, predicted: 3, recallSum: 0, gold: 0 }).f1).toBe(0)
  })
})

describe('TechniqueScorer', () => {
  it('gives labelled credit only for the same technique, span-only credit for any', () => {
    const scorer = new TechniqueScorer()
    scorer.add([S(58, 72, 'name_calling_labeling')], [S(58, 72, 'loaded_language')])
    const r = scorer.result()
    expect(r.spanOnly.f1).toBeCloseTo(1, 9)
    expect(r.labelled.f1).toBe(0)
    expect(r.perTechnique.name_calling_labeling?.precision).toBe(0)
    expect(r.perTechnique.loaded_language?.recall).toBe(0)
  })

  it('sums over documents before dividing (micro average)', () => {
    const scorer = new TechniqueScorer()
    scorer.add([S(0, 10)], [S(0, 10)])
    scorer.add([S(0, 10), S(20, 30)], [S(0, 20)])
    const r = scorer.result()
    // precision: (1 + 1 + 0) / 3; recall: (1 + 0.5) / 2
    expect(r.labelled.precision).toBeCloseTo(2 / 3, 9)
    expect(r.labelled.recall).toBeCloseTo(0.75, 9)
  })
})
