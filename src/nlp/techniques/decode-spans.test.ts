import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { decodeSpans, DecodeMode } from './decode-spans.js'
import { DocFeatures } from './token-features.js'
import { WordTable } from './word-table.js'

// A real sentence (test/corpus/irgc-salami-interview); logits are set by hand per word, one label.
const TEXT = 'That means, he added, no safe place has been left for the Zionist regime.'

function decode(
  high: string[],
  opts: { gap?: number; mode?: number; theta?: number; mid?: string[]; extend?: number } = {},
) {
  const { view } = createPipeline([tokensStage]).runToView({ text: TEXT })
  const feats = new DocFeatures(new WordTable(new Map()))
  feats.load(view.text, view.tokens, view.sentences)
  const logits = new Float32Array(view.tokens.count)
  for (let i = 0; i < view.tokens.count; i++) {
    const word = view.tokenText(i)
    logits[i] = high.includes(word) ? 1 : opts.mid?.includes(word) ? -0.5 : -1
  }
  const spans = decodeSpans(
    feats,
    view.tokens,
    logits,
    1,
    [opts.theta ?? 0],
    opts.gap ?? 0,
    [opts.mode ?? DecodeMode.TOKENS],
    [opts.extend ?? 0],
  )
  return spans.map((c) => {
    const start = view.tokens.starts[c.first] as number
    const end = view.tokens.ends[c.last - 1] as number
    return [TEXT.slice(start, end), start, end]
  })
}

describe('decodeSpans', () => {
  it.each([
    ['one run', ['Zionist', 'regime'], 0, [['Zionist regime', 58, 72]]],
    [
      'a dip of one token splits without a gap',
      ['no', 'safe', 'place', 'been'],
      0,
      [['no safe place', 22, 35]],
    ],
    [
      'a dip of one token is bridged with gap 1',
      ['safe', 'place', 'been', 'left'],
      1,
      [['safe place has been left', 25, 49]],
    ],
    ['edge punctuation is trimmed', ['regime', '.'], 0, [['regime', 66, 72]]],
    ['a lone stopword is no span', ['the'], 0, []],
  ])('%s', (_, high, gap, expected) => {
    // "no" alone is a stopword: the first case of the split leaves only "safe place" runs around it.
    expect(decode(high, { gap })).toEqual(expected)
  })

  it.each([
    ['no extension keeps the seed', 0, [['Zionist', 58, 65]]],
    ['extension grows right over weaker words', 1, [['Zionist regime', 58, 72]]],
  ])('hysteresis: %s', (_, extend, expected) => {
    expect(decode(['Zionist'], { mid: ['regime'], extend })).toEqual(expected)
  })

  it('hysteresis grows left, and a weak run without a seed is no span', () => {
    expect(decode(['place'], { mid: ['safe'], extend: 1 })).toEqual([['safe place', 25, 35]])
    expect(decode([], { mid: ['safe', 'place'], extend: 1 })).toEqual([])
  })

  it('sentence mode marks the whole sentence, punctuation trimmed, when its mean logit is high', () => {
    expect(
      decode(['That', 'means', 'he', 'added', 'no', 'safe', 'place', 'has', 'been', 'left'], {
        mode: DecodeMode.SENTENCE,
      }),
    ).toEqual([[TEXT.slice(0, 72), 0, 72]])
    expect(decode(['Zionist', 'regime'], { mode: DecodeMode.SENTENCE })).toEqual([])
  })
})
