import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { entitiesStage } from './stage.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

/** [surface, start, end, type, kind] of every mention. */
function mentionsOf(text: string): [string, number, number, string, string][] {
  return pipeline
    .run({ text })
    .mentions.map((m) => [text.slice(m.start, m.end), m.start, m.end, m.type, m.kind])
}

// Sentences of the IRGC interview (Tasnim, 2022; test/corpus) and other wire copy.
const IRGC_LEAD =
  'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC), Major General Hossein Salami, said that the recent defeat of the Zionist regime in its conflict with the resistance front has made the Palestinian people believe that they can retake their land in the near future.'

describe('entitiesStage', () => {
  it.each([
    [IRGC_LEAD, ['Iran', 19, 23, 'GPE', 'name']],
    [IRGC_LEAD, ['Islamic Revolution Guards Corps', 26, 57, 'ORG', 'name']],
    [IRGC_LEAD, ['IRGC', 59, 63, 'ORG', 'acronym']],
    [IRGC_LEAD, ['Hossein Salami', 80, 94, 'PERSON', 'name']],
    [IRGC_LEAD, ['Palestinian', 201, 212, 'NORP', 'name']],
    [
      'Today, he added, fighting against the Zionist regime is not limited to the Gaza Strip and has expanded to the occupied West Bank as well.',
      ['Gaza Strip', 75, 85, 'LOC', 'name'],
    ],
    [
      'Salami also said that the Palestinians have managed to level up their fighting to the extent that they can target any area under the Israeli occupation.',
      ['Palestinians', 26, 38, 'NORP', 'name'],
    ],
    [
      'He added, Hezbollah is now capable of successfully fighting a ground war thanks to the experience and skills the movement has gained during its battles against Takfiri groups in Syria.',
      ['Hezbollah', 10, 19, 'ORG', 'name'],
    ],
    [
      'President Joe Biden told NATO leaders in Brussels that the United States would not send troops to Ukraine.',
      ['Joe Biden', 10, 19, 'PERSON', 'name'],
    ],
    [
      'President Joe Biden told NATO leaders in Brussels that the United States would not send troops to Ukraine.',
      ['NATO', 25, 29, 'ORG', 'acronym'],
    ],
    [
      'Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and wanted to issue her support to Mohamed.',
      ['Amneh Jafari', 50, 62, 'PERSON', 'name'],
    ],
    [
      'Iran’s Foreign Minister Hossein Amir-Abdollahian met U.S. Secretary of State Antony Blinken in New York on Monday.',
      ['U.S.', 53, 57, 'GPE', 'name'],
    ],
  ])('finds the mention in %s', (text, expected) => {
    expect(mentionsOf(text)).toContainEqual(expected)
  })

  it('strips titles from person names and ends names before a glued possessive', () => {
    const text =
      'Salami made the comment in an interview with the official website of Supreme Leader of the Islamic Revolution, Ayatollah Seyyed Ali Khamenei’s office said.'
    expect(mentionsOf(text)).toContainEqual(['Seyyed Ali Khamenei', 121, 140, 'PERSON', 'name'])
  })

  it('finds names in an all-caps headline, reading its words as the article writes them', () => {
    const headline = 'IRGC CHIEF SAYS HEZBOLLAH CAN FIGHT A GROUND WAR AGAINST ISRAEL'
    const body =
      'He added, Hezbollah is now capable of successfully fighting a ground war thanks to the experience and skills the movement has gained during its battles against Takfiri groups in Syria, the IRGC chief Hossein Salami said.'
    const found = mentionsOf(`${headline}\n\n${body}`).filter((m) => m[2] <= headline.length)
    expect(found).toEqual([
      ['IRGC', 0, 4, 'ORG', 'acronym'],
      ['HEZBOLLAH', 16, 25, 'ORG', 'name'],
      ['ISRAEL', 57, 63, 'GPE', 'name'],
    ])
  })

  it('does not call a headline name in capitals an acronym', () => {
    const text = 'UKRAINE SAYS RUSSIAN MISSILES HIT KYIV AS ZELENSKIY MEETS BIDEN IN WASHINGTON'
    const mentions = mentionsOf(text)
    expect(mentions.length).toBeGreaterThanOrEqual(4)
    expect(mentions.filter((m) => m[4] === 'acronym')).toEqual([])
  })

  it('numbers mentions m1… in (start asc, end desc) order', () => {
    const { mentions } = pipeline.run({ text: IRGC_LEAD })
    expect(mentions.map((m) => m.id)).toEqual(mentions.map((_, i) => `m${i + 1}`))
    for (let i = 1; i < mentions.length; i++) {
      const a = mentions[i - 1]
      const b = mentions[i]
      expect(a && b && (a.start < b.start || (a.start === b.start && a.end >= b.end))).toBe(true)
    }
  })

  it('records the model hash in provenance', () => {
    const analysis = pipeline.run({ text: IRGC_LEAD })
    expect(analysis.provenance.models.entities).toMatch(/^[0-9a-f]{64}$/)
  })
})
