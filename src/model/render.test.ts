import { describe, expect, it } from 'vitest'
import type { Analysis } from './analysis.js'
import { quoteSurface, renderDiff, renderItems } from './render.js'

const TEXT = 'Salami said that Iran will win. He added, “We are ready.”'

/** A small hand-made analysis (no pipeline: the renderer must not depend on what the stages find). */
function analysis(attributions: Analysis['attributions']): Analysis {
  return {
    schema: 'claimtrail/analysis@1',
    id: 'doc',
    document: {
      text: TEXT,
      title: null,
      published: '2022-09-01',
      url: null,
      outlet: null,
      byline: null,
      language: 'en',
    },
    blocks: [{ start: 0, end: TEXT.length, kind: 'paragraph' }],
    sentences: [
      { start: 0, end: 31 },
      { start: 32, end: TEXT.length },
    ],
    mentions: [
      { id: 'm1', start: 0, end: 6, type: 'PERSON', kind: 'name', entity: 'e1' },
      { id: 'm2', start: 32, end: 34, type: 'PERSON', kind: 'pronoun', entity: 'e1' },
    ],
    entities: [{ id: 'e1', type: 'PERSON', name: 'Hossein Salami', titles: [], mentions: ['m1', 'm2'] }],
    attributions,
    times: [],
    techniques: [],
    claims: [],
    diagnostics: [],
    provenance: { engine: 'claimtrail test', stages: { tokens: 2 }, models: {} },
  }
}

const SAID: Analysis['attributions'][number] = {
  id: 'a1',
  mode: 'indirect',
  cue: { start: 7, end: 11 },
  content: { start: 12, end: 30 },
  source: { start: 0, end: 6 },
  speaker: 'e1',
  parent: null,
  prov: { stage: 'attribution', rule: 'said-that' },
}
const ADDED: Analysis['attributions'][number] = {
  id: 'a2',
  mode: 'direct',
  cue: { start: 35, end: 40 },
  content: { start: 42, end: TEXT.length },
  source: { start: 32, end: 34 },
  speaker: 'e1',
  parent: null,
  prov: { stage: 'attribution', rule: 'quote' },
}

describe('renderItems', () => {
  it('renders an attribution with its span, source, cue, content and speaker', () => {
    const lines = renderItems(analysis([SAID])).map((i) => i.line)
    expect(lines).toContain(
      'a1 indirect [12,30) "Salami" said: "that Iran will win" → e1 Hossein Salami (said-that)',
    )
    expect(lines).toContain('m2 PERSON pronoun [32,34) "He" → e1 Hossein Salami')
    expect(lines).toContain('sentence [0,31) "Salami said that Iran will win."')
  })
})

describe('renderDiff', () => {
  it('is empty for identical analyses', () => {
    expect(renderDiff(analysis([SAID]), analysis([SAID]))).toEqual({ added: 0, removed: 0, text: '' })
  })

  it('shows added and removed lines under their section', () => {
    const diff = renderDiff(analysis([SAID]), analysis([SAID, ADDED]))
    expect(diff.text).toBe(
      '## attributions\n+ a2 direct [42,57) "He" added: "“We are ready.”" → e1 Hossein Salami (quote)\n',
    )
  })

  it('ignores ids that were only renumbered', () => {
    const before = analysis([{ ...ADDED, id: 'a7' }])
    expect(renderDiff(before, analysis([ADDED])).text).toBe('')
  })

  it('shows a changed field as a removed and an added line', () => {
    const diff = renderDiff(analysis([SAID]), analysis([{ ...SAID, mode: 'mixed' }]))
    expect(diff).toMatchObject({ added: 1, removed: 1 })
    expect(
      diff.text
        .split('\n')
        .slice(1, 3)
        .map((l) => l.slice(0, 14)),
    ).toEqual(['- a1 indirect ', '+ a1 mixed [12'])
  })
})

describe('quoteSurface', () => {
  it('shows newlines and cuts long text in the middle', () => {
    expect(quoteSurface('a\nb')).toBe('"a⏎b"')
    expect(quoteSurface('x'.repeat(50) + 'y'.repeat(50), 21)).toBe(`"${'x'.repeat(12)}…${'y'.repeat(8)}"`)
  })
})
