/**
 * Acceptance on the typical input, the IRGC interview (published 2022-09-01): every relayed statement is
 * Hossein Salami's, however the text refers to him, except the Supreme Leader's, nested inside his.
 * Mentions and entities are hand-made here (the stand-in for the entities and coref stages), and
 * deliberately leave pronouns and role nouns unresolved so that the stage's own fallbacks are tested.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../model/layers.js'
import { runAttribution, surface, type FakeMention } from './test-pipeline.js'

const text = readFileSync(
  new URL('../../../test/corpus/irgc-salami-interview/source.txt', import.meta.url),
  'utf8',
)

const MENTIONS: FakeMention[] = [
  { surface: 'Hossein Salami', type: 'PERSON', entity: 'Hossein Salami' },
  { surface: 'Salami', type: 'PERSON', entity: 'Hossein Salami' },
  { surface: 'Ali Khamenei', type: 'PERSON', entity: 'Ali Khamenei' },
  { surface: 'Supreme Leader', type: 'PERSON', kind: 'nominal', entity: 'Ali Khamenei' },
  { surface: 'IRGC', type: 'ORG', kind: 'acronym', entity: 'IRGC' },
  { surface: 'Hezbollah', type: 'ORG', entity: 'Hezbollah' },
]

describe('IRGC interview', () => {
  const analysis = runAttribution(text, MENTIONS)
  const byId = new Map(analysis.entities.map((e) => [e.id, e.name]))
  const speakerOf = (a: Attribution) => (a.speaker ? byId.get(a.speaker) : null)
  const covering = (part: string) => {
    const at = text.indexOf(part)
    return analysis.attributions.filter((a) => a.content.start <= at && at + part.length <= a.content.end)
  }

  it.each([
    [
      'the recent defeat of the Zionist regime',
      'said',
      'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC), Major General Hossein Salami,',
    ],
    ['the resistance against the Zionist regime in the occupied', 'said', 'The IRGC chief commander'],
    ['fighting against the Zionist regime is not limited', 'added', 'he'],
    ['the Palestinians have managed to level up', 'also said', 'Salami'],
    ['no safe place has been left', 'added', 'he'],
    ['hundreds of thousands of rockets', 'said', 'Salami'],
    ['there is a power in Palestine and Lebanon', 'noted', 'The Iranian military commander'],
    ['Hezbollah is now capable of successfully fighting', 'added', 'He'],
    ['the Islamic Jihad Movement led the resistance', 'saying', 'Salami'],
    ['they would have intervened as well', 'adding', 'Salami'],
    ['the occupied West Bank is being equipped', 'said', 'The IRGC commander'],
    ['the Zionist regime is collapsing', 'noted', 'He'],
    ['the Palestinian people are of the belief', 'adding', 'He'],
    ['who their real friends are', 'also said', 'Salami'],
    ['That is a great source of power for Palestine', 'added', 'Salami'],
    // PolNeAR marks "referred to" a cue (16 of 26 times in train): what he referred to is attributed
    ['the recent Israeli aggression against Gaza', 'referred to', 'Salami'],
  ])('attributes "%s" to Hossein Salami (cue %s, source %s)', (part, cue, source) => {
    const top = covering(part).filter((a) => a.parent === null)
    expect(top, part).toHaveLength(1)
    const a = top[0] as Attribution
    expect(surface(analysis, a.cue)).toBe(cue)
    expect(surface(analysis, a.source)).toBe(source)
    expect(speakerOf(a)).toBe('Hossein Salami')
  })

  it('nests the Supreme Leader’s statement inside Salami’s', () => {
    const [outer, inner] = covering('Iran will stand with the Palestinians to the end')
    expect(outer && inner).toBeTruthy()
    if (!outer || !inner) return
    expect(speakerOf(outer)).toBe('Hossein Salami')
    expect(surface(analysis, outer.source)).toBe('He')
    expect(surface(analysis, inner.source)).toBe('the Supreme Leader')
    expect(surface(analysis, inner.cue)).toBe('has noted')
    expect(surface(analysis, inner.content)).toBe('that Iran will stand with the Palestinians to the end')
    expect(speakerOf(inner)).toBe('Ali Khamenei')
    expect(inner.parent).toBe(outer.id)
  })

  it('gives the outlet’s own sentence no attribution', () => {
    expect(covering('Salami made the comment in an interview')).toEqual([])
    expect(
      analysis.attributions.filter(
        (a) => surface(analysis, a.source) === 'Salami' && surface(analysis, a.cue) === 'made',
      ),
    ).toEqual([])
  })

  it('makes no other attribution (16 statements above, plus the outer and inner of the nested one)', () => {
    expect(analysis.attributions).toHaveLength(18)
  })
})
