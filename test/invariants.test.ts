/**
 * The invariant checkers themselves: each must catch the fault it is named after, or the property
 * tests built on them could never fail.
 */
import { describe, expect, it } from 'vitest'
import { pipelineFor } from '../src/analyze.js'
import type { Analysis } from '../src/model/analysis.js'
import {
  alignmentProblems,
  orderProblems,
  referenceProblems,
  sentenceProblems,
  spanProblems,
  tokenProblems,
} from './helpers/invariants.js'

const TEXT = 'Maj. Gen. Hossein Salami said the IRGC would respond. He added that Iran’s allies agreed.'

function fresh(): Analysis {
  return structuredClone(pipelineFor('full').run({ text: TEXT, meta: { published: '2022-09-01' } }))
}

describe('invariant checkers', () => {
  it('find nothing wrong with real output', () => {
    const { view, analysis } = pipelineFor('full').runToView({
      text: TEXT,
      meta: { published: '2022-09-01' },
    })
    expect([...spanProblems(analysis), ...orderProblems(analysis), ...referenceProblems(analysis)]).toEqual(
      [],
    )
    expect([...sentenceProblems(analysis), ...tokenProblems(view)]).toEqual([])
  })

  it('catch a span that splits a surrogate pair or leaves the text', () => {
    const a = fresh()
    a.document.text = `😀${TEXT.slice(2)}`
    a.sentences[0] = { start: 1, end: 10 }
    a.blocks[0] = { start: 0, end: TEXT.length + 5, kind: 'paragraph' }
    expect(spanProblems(a)).toEqual([
      `block 0: [0, ${TEXT.length + 5}) lies outside [0, ${TEXT.length}]`,
      'sentence 0: start 1 splits a surrogate pair',
    ])
  })

  it('catch unsorted and overlapping sentences, and sentences outside blocks', () => {
    const a = fresh()
    a.sentences = [
      { start: 10, end: 20 },
      { start: 0, end: 15 },
    ]
    a.blocks = [{ start: 0, end: 12, kind: 'paragraph' }]
    expect(orderProblems(a)).toEqual(['sentence 1 [0,15) comes after [10,20)'])
    expect(sentenceProblems(a)).toEqual([
      'sentence 0 [10,20) lies in no block',
      'sentence 1 [0,15) overlaps the one before',
      'sentence 1 [0,15) lies in no block',
    ])
  })

  it('catch dangling references, one-way links, duplicate ids and parent loops', () => {
    const a = fresh()
    a.mentions.push({ id: 'm900', start: 0, end: 3, type: 'PERSON', kind: 'name', entity: 'e900' })
    a.mentions.push({ id: 'm900', start: 1, end: 3, type: 'PERSON', kind: 'name', entity: null })
    a.attributions = [
      {
        id: 'a1',
        mode: 'indirect',
        cue: null,
        content: { start: 0, end: 5 },
        source: null,
        speaker: null,
        parent: 'a2',
        prov: { stage: 't', rule: 't' },
      },
      {
        id: 'a2',
        mode: 'indirect',
        cue: null,
        content: { start: 1, end: 5 },
        source: null,
        speaker: 'e900',
        parent: 'a1',
        prov: { stage: 't', rule: 't' },
      },
    ]
    const problems = referenceProblems(a)
    expect(problems).toContain('mentions: duplicate id m900')
    expect(problems).toContain('m900 refers to missing entity e900')
    expect(problems).toContain('a2 speaker e900 missing')
    expect(problems).toContain('a1: parent chain loops at a1')
  })

  it('catch a mention that cuts a token', () => {
    const { view, analysis } = pipelineFor('full').runToView({
      text: TEXT,
      meta: { published: '2022-09-01' },
    })
    expect(alignmentProblems(view, analysis)).toEqual([])
    const a = structuredClone(analysis)
    a.mentions.push({ id: 'm900', start: 11, end: 16, type: 'PERSON', kind: 'name', entity: null })
    expect(alignmentProblems(view, a)).toEqual(['m900 [11,16) "ossei" cuts a token'])
  })

  it('catch a dropped character and a token holding whitespace', () => {
    const { view } = pipelineFor('full').runToView({ text: TEXT, meta: { published: '2022-09-01' } })
    const t = view.tokens
    ;(t.ends as Uint32Array)[0] = 2 // "Maj" → "Ma": the "j" is in no token
    expect(tokenProblems(view)[0]).toBe('character 2 "j" is in 0 tokens (want 1)')
    ;(t.ends as Uint32Array)[0] = 5 // "Maj. " now holds the space after "Maj." and overlaps "."
    expect(tokenProblems(view)).toContain('token 0 [0,5) holds whitespace at 4')
  })
})
