import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { joinOfPhrases } from './join-of-phrase.js'
import type { TaggedName } from './recognize.js'
import { entitiesStage } from './stage.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

/** [surface, type] of every mention. */
function mentionsOf(text: string): [string, string][] {
  return pipeline.run({ text }).mentions.map((m) => [text.slice(m.start, m.end), m.type])
}

/** A tagged span over the first occurrence of `surface` in `text`, one unit per space-separated word. */
function span(text: string, surface: string, type: string): TaggedName {
  const start = text.indexOf(surface)
  const words = [...surface.matchAll(/\S+/g)]
  const units = words.map((m) => m[0])
  return {
    start,
    end: start + surface.length,
    type,
    units,
    unitStarts: words.map((m) => start + (m.index ?? 0)),
    unitEnds: words.map((m) => start + (m.index ?? 0) + m[0].length),
    cased: units,
  }
}

/** [surface, type] of the spans after joining. */
function joined(text: string, spans: [string, string][]): [string, string][] {
  return joinOfPhrases(
    text,
    spans.map(([surface, type]) => span(text, surface, type)),
  ).map((n) => [text.slice(n.start, n.end), n.type])
}

// Sentences of Wikinews articles in test/corpus (CC BY 2.5, Wikinews contributors).
const WARHOL =
  'Portrait shot of Dennis Hopper, famous for his role in the 1969 film Easy Rider, amongst the Warhol Polaroids donated to USI by the Andy Warhol Foundation for the Visual Arts.'
const JCWI =
  'It quoted critics like immigration barrister Colin Yeo, and Joint Council for the Welfare of Immigrants campaigner Caitlin Boswell, with Boswell stating: "People fleeing desperate circumstances clearly need this government to make quicker and fairer asylum decisions."'
const SCIENTOLOGY =
  "Hackers attack Church of Scientology website\nSunday, January 20, 2008\nWikinews has learned that according to an Internet posting made just over 24 hours ago, the Church of Scientology's website is being attacked by hackers, causing the site to shut down."

describe('joinOfPhrases in the entities stage', () => {
  it.each([
    [WARHOL, 'Andy Warhol Foundation for the Visual Arts'],
    [JCWI, 'Joint Council for the Welfare of Immigrants'],
  ])('finds the whole organisation name in %j', (text, name) => {
    const mentions = mentionsOf(text)
    expect(mentions).toContainEqual([name, 'ORG'])
    // the parts are gone: no mention inside the name
    const start = text.indexOf(name)
    const inside = pipeline
      .run({ text })
      .mentions.filter((m) => m.start >= start && m.end <= start + name.length)
    expect(inside.map((m) => text.slice(m.start, m.end))).toEqual([name])
  })

  it('finds an untagged head before "of", in a Title Case headline and in the body', () => {
    const churches = mentionsOf(SCIENTOLOGY).filter(([s]) => s.includes('Scientology'))
    expect(churches).toEqual([
      ['Church of Scientology', 'ORG'],
      ['Church of Scientology', 'ORG'],
    ])
  })
})

describe('joinOfPhrases', () => {
  it('joins a tagged head and a tagged name of any non-person type', () => {
    const text = 'Daw Aung San Suu Kyi leads the National League for Democracy.'
    expect(
      joined(text, [
        ['Aung San Suu Kyi', 'PER'],
        ['National League', 'MISC'],
        ['Democracy', 'ORG'],
      ]),
    ).toEqual([
      ['Aung San Suu Kyi', 'PER'],
      ['National League for Democracy', 'ORG'],
    ])
  })

  it('takes a person right before an untagged head into the name', () => {
    const text = 'USI received Polaroids from the Andy Warhol Foundation for the Visual Arts.'
    expect(
      joined(text, [
        ['USI', 'ORG'],
        ['Andy Warhol', 'PER'],
        ['Visual Arts', 'ORG'],
      ]),
    ).toEqual([
      ['USI', 'ORG'],
      ['Andy Warhol Foundation for the Visual Arts', 'ORG'],
    ])
  })

  it.each<[string, [string, string][]]>([
    // a person after the connector, or a person whose name ends in a head word
    [
      'Wealthy Voters Abandon Republican Party for Hillary Clinton',
      [
        ['Republican Party', 'ORG'],
        ['Hillary Clinton', 'PER'],
      ],
    ],
    [
      'Senator Frank Church of Idaho led the committee.',
      [
        ['Frank Church', 'PER'],
        ['Idaho', 'LOC'],
      ],
    ],
    // a lower-case head, another preposition, a line break, a sentence break
    ['Protesters gathered in the centre of Madrid on Sunday.', [['Madrid', 'LOC']]],
    [
      'The Council on Germany’s budget met.',
      [
        ['Council', 'ORG'],
        ['Germany', 'LOC'],
      ],
    ],
    [
      'Members of the Council\nof Germany met.',
      [
        ['Council', 'ORG'],
        ['Germany', 'LOC'],
      ],
    ],
    ['He left the Council. Of Germany he said little.', [['Germany', 'LOC']]],
    [
      'Members of the Council\n for the Germans met.',
      [
        ['Council', 'ORG'],
        ['Germans', 'MISC'],
      ],
    ],
  ])('leaves %j alone', (text, spans) => {
    expect(joined(text, spans)).toEqual(spans)
  })
})
