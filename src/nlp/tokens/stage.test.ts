import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from './stage.js'

const TEXT = 'Salami warns Israel\nMaj. Gen. Hossein Salami said Iran’s allies\nwould fight.'

function sentencesWith(options: Record<string, unknown>): string[] {
  const { view } = createPipeline([tokensStage], { options: { tokens: options } }).runToView({ text: TEXT })
  return view.sentences.map((s) => TEXT.slice(s.start, s.end))
}

describe('tokensStage', () => {
  it('provides tokens and sentences, the possessive split off', () => {
    const { view } = createPipeline([tokensStage]).runToView({ text: TEXT })
    const iran = view.tokenAt(TEXT.indexOf('Iran'))
    expect([view.tokenText(iran), view.tokenText(iran + 1)]).toEqual(['Iran', '’s'])
    expect(view.tokens.sentence[iran]).toBe(0)
  })

  it('reads line breaks by its lineBreaks option', () => {
    // "allies\nwould" goes on mid-clause: auto reads the text as hard-wrapped
    expect(sentencesWith({})).toEqual([TEXT])
    expect(sentencesWith({ lineBreaks: 'space' })).toEqual([TEXT])
    expect(sentencesWith({ lineBreaks: 'sentence' })).toEqual([
      'Salami warns Israel',
      'Maj. Gen. Hossein Salami said Iran’s allies',
      'would fight.',
    ])
  })

  it('rejects an unknown lineBreaks value when the pipeline is built', () => {
    expect(() => createPipeline([tokensStage], { options: { tokens: { lineBreaks: 'never' } } })).toThrow(
      /CT0104/,
    )
  })
})
