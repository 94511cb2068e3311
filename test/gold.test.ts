/**
 * The gold-fact checker (test/helpers/gold.ts): it must pass a fact the analysis meets, fail one it
 * does not, and say where in findable terms (layer, fact, span, sentence marked ⟦ ⟧, what was produced).
 */
import { describe, expect, it } from 'vitest'
import type { Analysis } from '../src/model/analysis.js'
import { checkGoldFact, GoldFactSchema, locate, markInSentence } from './helpers/gold.js'

const TEXT =
  'Salami said that Iran will win. He said that the Supreme Leader has noted that Iran will stand firm. It rained earlier in August.'
const at = (s: string, occurrence = 1): { start: number; end: number } => {
  const span = locate(TEXT, s, occurrence)
  if (!span) throw new Error(`"${s}" is not in the text`)
  return span
}

const ANALYSIS: Analysis = {
  schema: 'claimtrail/analysis@1',
  id: null,
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
    at('Salami said that Iran will win.'),
    at('He said that the Supreme Leader has noted that Iran will stand firm.'),
    at('It rained earlier in August.'),
  ],
  mentions: [
    { id: 'm1', ...at('Salami'), type: 'PERSON', kind: 'name', entity: 'e1' },
    { id: 'm2', ...at('Iran'), type: 'GPE', kind: 'name', entity: 'e2' },
    { id: 'm3', ...at('He'), type: 'PERSON', kind: 'pronoun', entity: 'e1' },
    { id: 'm4', ...at('Supreme Leader'), type: 'PERSON', kind: 'nominal', entity: 'e3' },
    { id: 'm5', ...at('Iran', 2), type: 'GPE', kind: 'name', entity: 'e4' },
  ],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Hossein Salami', titles: [], mentions: ['m1', 'm3'] },
    { id: 'e2', type: 'GPE', name: 'Iran', titles: [], mentions: ['m2'] },
    { id: 'e3', type: 'PERSON', name: 'Supreme Leader', titles: [], mentions: ['m4'] },
    { id: 'e4', type: 'GPE', name: 'Iran', titles: [], mentions: ['m5'] },
  ],
  attributions: [
    {
      id: 'a1',
      mode: 'indirect',
      cue: at('said'),
      content: at('that Iran will win'),
      source: at('Salami'),
      speaker: 'e1',
      parent: null,
      prov: { stage: 't', rule: 't' },
    },
    {
      id: 'a2',
      mode: 'indirect',
      cue: at('said', 2),
      content: at('that the Supreme Leader has noted that Iran will stand firm'),
      source: at('He'),
      speaker: 'e1',
      parent: null,
      prov: { stage: 't', rule: 't' },
    },
    {
      id: 'a3',
      mode: 'indirect',
      cue: at('has noted'),
      content: at('that Iran will stand firm'),
      source: at('the Supreme Leader'),
      speaker: 'e3',
      parent: 'a2',
      prov: { stage: 't', rule: 't' },
    },
  ],
  times: [
    {
      id: 't1',
      ...at('August'),
      type: 'DATE',
      value: '2022-08',
      known: { month: 8 },
      implied: { year: 2022 },
      prov: { stage: 't', rule: 't' },
    },
  ],
  techniques: [],
  claims: [],
  diagnostics: [],
  provenance: { engine: 'test', stages: {}, models: {} },
}

const check = (fact: unknown): string | null => checkGoldFact(ANALYSIS, GoldFactSchema.parse(fact))

describe('checkGoldFact', () => {
  it.each([
    [
      {
        layer: 'attributions',
        source: 'Hossein Salami',
        cue: 'said',
        content: 'that Iran will win',
        mode: 'indirect',
      },
    ],
    [{ layer: 'attributions', source: 'Hossein Salami', content: 'that the Supreme Leader…' }],
    [
      {
        layer: 'attributions',
        source: 'Supreme Leader',
        cue: 'has noted',
        content: 'that Iran will stand firm',
        parent: { source: 'Hossein Salami', content: 'that the Supreme…' },
      },
    ],
    [{ layer: 'attributions', absent: true, content: 'It rained' }],
    [{ layer: 'entities', name: 'Hossein Salami', type: 'PERSON', mentions: ['Salami', 'He'] }],
    [{ layer: 'times', text: 'earlier in August', match: 'overlap', value: '2022…' }],
    [{ layer: 'times', text: 'August', value: '2022-08', type: 'DATE' }],
    [{ layer: 'mentions', text: 'Iran', occurrence: 2, type: 'GPE' }],
    [{ layer: 'sentences', text: 'It rained earlier in August.' }],
  ])('passes %j', (fact) => {
    expect(check(fact)).toBeNull()
  })

  it.each<[unknown, string]>([
    [
      { layer: 'attributions', source: 'Ali Khamenei', content: 'that Iran will stand firm' },
      'a3: speaker "Supreme Leader" ≠ "Ali Khamenei"',
    ],
    [
      { layer: 'attributions', source: 'Hossein Salami', cue: 'told', content: 'that Iran will win' },
      'a1: cue "said" ≠ "told"',
    ],
    [{ layer: 'attributions', content: 'Iran will win' }, 'no attribution has this content'],
    [
      { layer: 'attributions', absent: true, content: 'Iran will win' },
      'expected no attribution over this text, found 1',
    ],
    [{ layer: 'entities', name: 'Iran', mentions: ['Iran'] }, 'mentions split over 2 entities'],
    [{ layer: 'times', text: 'earlier in August', value: '2022-08' }, 'no time with exactly this span'],
    [{ layer: 'mentions', text: 'Supreme Leader', type: 'ORG' }, 'm4 PERSON nominal'],
    [{ layer: 'sentences', text: 'Salami said that' }, 'no sentence with exactly this span'],
  ])('fails %j', (fact, problem) => {
    expect(check(fact)).toContain(problem)
  })

  it('says where: the fact, the span, the sentence marked ⟦ ⟧ and what was produced there', () => {
    const message =
      check({ layer: 'attributions', source: 'Ali Khamenei', content: 'that Iran will stand firm' }) ?? ''
    expect(message).toContain('gold attributions: Ali Khamenei ? "that Iran will stand firm"')
    expect(message).toContain(
      'at [74,99): He said that the Supreme Leader has noted ⟦that Iran will stand firm⟧.',
    )
    expect(message).toContain('a3 indirect content [74,99) "that Iran will stand firm" cue "has noted"')
  })
})

describe('markInSentence', () => {
  it('marks the span inside its sentence', () => {
    expect(markInSentence(ANALYSIS, at('Salami'))).toBe('⟦Salami⟧ said that Iran will win.')
  })
})
