/**
 * Bare content clauses after "says"/"said" whose subject the clause check used to reject (irregular past
 * verbs, "won't", a title abbreviation, a quotation inside the subject), and source-less adverbial
 * "Asked if …, X said" questions (PolNeAR train sentences).
 */
import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../model/layers.js'
import { runAttribution } from './test-pipeline.js'

interface Expected {
  source: string | null
  cue: string
  content: string
}

function check(text: string, a: Attribution | undefined, e: Expected): void {
  expect(a, text).toBeDefined()
  if (!a) return
  const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length })
  expect(text.slice(a.content.start, a.content.end)).toBe(e.content)
  expect(a.content).toEqual(at(e.content))
  expect(a.cue ? text.slice(a.cue.start, a.cue.end) : null).toBe(e.cue)
  expect(a.cue).toEqual(at(e.cue))
  expect(a.source ? text.slice(a.source.start, a.source.end) : null).toBe(e.source)
  if (e.source) expect(a.source).toEqual(at(e.source))
}

describe('bare content clauses after say', () => {
  it.each<[string, Expected]>([
    [
      'Sanders says Clinton ran a very aggressive and effective campaign in Nevada.',
      {
        source: 'Sanders',
        cue: 'says',
        content: 'Clinton ran a very aggressive and effective campaign in Nevada',
      },
    ],
    [
      'But Cox says the NRA won’t allow “law-abiding gun owners to become scapegoats.”',
      {
        source: 'Cox',
        cue: 'says',
        content: 'the NRA won’t allow “law-abiding gun owners to become scapegoats.”',
      },
    ],
    [
      'Republican South Carolina Sen. Lindsey Graham says Sen. Ted Cruz is “standing tall” despite losing the primary.',
      {
        source: 'Republican South Carolina Sen. Lindsey Graham',
        cue: 'says',
        content: 'Sen. Ted Cruz is “standing tall” despite losing the primary',
      },
    ],
    [
      'Republican Sen. John McCain says the “loose talk” in the presidential campaign skips over the fact that the technique failed.',
      {
        source: 'Republican Sen. John McCain',
        cue: 'says',
        content:
          'the “loose talk” in the presidential campaign skips over the fact that the technique failed',
      },
    ],
    // a bare reporting-verb form inside the subject is a noun
    [
      'Clinton spokesman Brian Fallon said the AP report is misleading because it only focuses on one small subset.',
      {
        source: 'Clinton spokesman Brian Fallon',
        cue: 'said',
        content: 'the AP report is misleading because it only focuses on one small subset',
      },
    ],
    [
      'Clinton was booed at the debate when she said Sanders’ attack was an attack on Obama.',
      { source: 'she', cue: 'said', content: 'Sanders’ attack was an attack on Obama' },
    ],
    [
      'Lashing out, Trump said the 83-year-old justice’s “mind is shot.”',
      { source: 'Trump', cue: 'said', content: 'the 83-year-old justice’s “mind is shot.”' },
    ],
    // a quantifier standing alone as the subject
    [
      'But few believe their relationship can ever be more than coolly transactional.',
      {
        source: 'few',
        cue: 'believe',
        content: 'their relationship can ever be more than coolly transactional',
      },
    ],
    [
      'Most believe that both the economy and their own lives have improved since he was elected.',
      {
        source: 'Most',
        cue: 'believe',
        content: 'that both the economy and their own lives have improved since he was elected',
      },
    ],
  ])('%s', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })
})

describe('adverbial "Asked …," questions', () => {
  it.each<[string, Expected]>([
    [
      'Asked if Trump’s comments had rattled them as well, Ryan said, “Sure. I get that, too.”',
      { source: null, cue: 'Asked', content: 'if Trump’s comments had rattled them as well' },
    ],
    [
      'When asked whom she supported, Ms. Sherry smiled.',
      { source: null, cue: 'asked', content: 'whom she supported' },
    ],
    [
      'Asked on Fox News who leads the party in his view, he said Ryan.',
      { source: null, cue: 'Asked', content: 'who leads the party in his view' },
    ],
  ])('%s', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })

  it('keeps the main clause of "Asked …, Ryan said, “…”" as its own attribution', () => {
    const text = 'Asked if Trump’s comments had rattled them as well, Ryan said, “Sure. I get that, too.”'
    const [, main] = runAttribution(text).attributions
    check(text, main, { source: 'Ryan', cue: 'said', content: '“Sure. I get that, too.”' })
  })
})

describe('a quantifier before a plural noun is a determiner, not a subject', () => {
  it('"Many reports" is the source of "said", not a cue "reports"', () => {
    const text = 'Many reports said the ceasefire would not hold through the weekend.'
    const all = runAttribution(text).attributions
    expect(all).toHaveLength(1)
    check(text, all[0], {
      source: 'Many reports',
      cue: 'said',
      content: 'the ceasefire would not hold through the weekend',
    })
  })
})

describe('"and"/"but" and a second verb', () => {
  it.each<[string, Expected]>([
    [
      'Clinton says she respects Sanders’ “passion and commitment” but argues that he can’t deliver on his promises.',
      { source: 'Clinton', cue: 'says', content: 'she respects Sanders’ “passion and commitment”' },
    ],
    // a content with its own pronoun subject keeps "and" + a second verb
    [
      'The actress said she was tired of the status quo and wanted a candidate who had not accepted money from Wall Street.',
      {
        source: 'The actress',
        cue: 'said',
        content:
          'she was tired of the status quo and wanted a candidate who had not accepted money from Wall Street',
      },
    ],
    [
      'Clinton says the emails were personal and not work-related, but for Republicans, it is a smoking gun.',
      { source: 'Clinton', cue: 'says', content: 'the emails were personal and not work-related' },
    ],
    [
      'Brafman said the judge rubbed his chin but insisted the sentence was fair.',
      { source: 'Brafman', cue: 'said', content: 'the judge rubbed his chin' },
    ],
  ])('%s', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })
})
