import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { REPETITION_RULE, repetitionSpans } from './repetition.js'
import { corpusText } from './test-helpers.js'
import { DocFeatures } from './token-features.js'
import { WordTable } from './word-table.js'

const IRGC = corpusText('irgc-salami-interview')
const SEED = 0
const REPETITION = 1

/** Repetition spans (surface, start, end) for one seed span given by its character offsets. */
function repeats(text: string, start: number, end: number, label = SEED) {
  const { view } = createPipeline([tokensStage]).runToView({ text })
  const feats = new DocFeatures(new WordTable(new Map()))
  feats.load(view.text, view.tokens, view.sentences)
  const first = view.tokens.starts.indexOf(start)
  const last = view.tokens.ends.indexOf(end) + 1
  const seed = { first, last, label, logit: -1 }
  return repetitionSpans(feats, view.tokens, [seed], [SEED], REPETITION).map((c) => {
    expect(c.rule).toBe(REPETITION_RULE)
    expect(c.label).toBe(REPETITION)
    const s = view.tokens.starts[c.first] as number
    const e = view.tokens.ends[c.last - 1] as number
    return [text.slice(s, e), s, e]
  })
}

describe('repetitionSpans', () => {
  it('marks the later occurrences of a recurring loaded phrase, not the first', () => {
    expect(repeats(IRGC, 131, 145)).toEqual([
      ['Zionist regime', 486, 500],
      ['Zionist regime', 700, 714],
      ['Zionist regime', 1012, 1026],
      ['Zionist regime', 1135, 1149],
      ['Zionist regime', 1817, 1831],
      ['Zionist regime', 2129, 2143],
    ])
  })

  it("matches a seed's content core: its edge function words need not recur", () => {
    // The tagger's seed is "of the Zionist regime"; later uses read "against the Zionist regime".
    expect(IRGC.slice(124, 145)).toBe('of the Zionist regime')
    expect(repeats(IRGC, 124, 145).map(([surface]) => surface)).toEqual(
      Array.from({ length: 6 }, () => 'Zionist regime'),
    )
  })

  it('keeps the function words of a seed whose core is one word', () => {
    const text = 'It was the disgrace of the year. No disgrace is worse. They called it the disgrace again.'
    const seed = text.indexOf('the disgrace')
    const later = text.lastIndexOf('the disgrace')
    expect(repeats(text, seed, seed + 12)).toEqual([['the disgrace', later, later + 12]])
  })

  it('a later seed also marks itself, matching case-insensitively', () => {
    const text = 'Critics called the plan a disgrace. Disgrace is the word, a disgrace to the nation.'
    expect(repeats(text, 60, 68)).toEqual([
      ['Disgrace', 36, 44],
      ['disgrace', 60, 68],
    ])
  })

  it.each([
    ['a phrase that occurs once', 'The verdict was a travesty, the lawyers said.', 18, 26],
    ['a seed shorter than four characters', 'It was a lie. Another lie followed.', 9, 12],
    ['a span of a label that seeds nothing', 'A disgrace, they said, a disgrace.', 2, 10, 5],
  ])('nothing for %s', (_, text, start, end, label = SEED) => {
    expect(repeats(text, start, end, label)).toEqual([])
  })
})
