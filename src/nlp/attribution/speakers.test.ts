/** Speaker resolution (refiners/resolve-speakers.ts) with hand-made mentions standing in for NER + coref. */
import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { presets } from '../../presets.js'
import { runAttribution, surface, type FakeMention } from './test-pipeline.js'

const SALAMI: FakeMention = { surface: 'Salami', type: 'PERSON', entity: 'Hossein Salami' }
const TRUMP: FakeMention = { surface: 'Trump', type: 'PERSON', entity: 'Donald Trump' }
const PENCE: FakeMention = { surface: 'Pence', type: 'PERSON', entity: 'Mike Pence' }

/** [source surface, speaker name] of every attribution, in layer order. */
function speakers(a: ReturnType<typeof runAttribution>): [string | null, string | null][] {
  const names = new Map(a.entities.map((e) => [e.id, e.name]))
  return a.attributions.map((x) => [surface(a, x.source), x.speaker ? (names.get(x.speaker) ?? null) : null])
}

describe('speaker resolution', () => {
  it.each<[string, string, FakeMention[], [string | null, string | null][]]>([
    [
      'a name mention gives its entity',
      'Salami said that the regime is collapsing.',
      [SALAMI],
      [['Salami', 'Hossein Salami']],
    ],
    [
      'an unresolved pronoun takes the previous PERSON speaker',
      'Salami said that the regime is collapsing. He added that the resistance is growing.',
      [SALAMI],
      [
        ['Salami', 'Hossein Salami'],
        ['He', 'Hossein Salami'],
      ],
    ],
    [
      'a pronoun the coref stage resolved keeps its own entity',
      'Trump said that the polls are rigged. He added that Pence agreed.',
      [TRUMP, { surface: 'He', type: 'PERSON', kind: 'pronoun', entity: 'Mike Pence' }],
      [
        ['Trump', 'Donald Trump'],
        ['He', 'Mike Pence'],
      ],
    ],
    [
      'with two candidates the closest previous speaker wins',
      'Trump said that the polls are rigged.\n\nPence said that the campaign is strong. He added that donors are returning.',
      [TRUMP, PENCE],
      [
        ['Trump', 'Donald Trump'],
        ['Pence', 'Mike Pence'],
        ['He', 'Mike Pence'],
      ],
    ],
    [
      'a role noun takes the previous PERSON speaker',
      'Salami said that the regime is collapsing.\n\nThe military commander noted that the resistance is growing.',
      [SALAMI],
      [
        ['Salami', 'Hossein Salami'],
        ['The military commander', 'Hossein Salami'],
      ],
    ],
    [
      'a source that names no known entity is an unnamed entity of its own',
      'Salami said that the regime is collapsing. Officials said that the talks would resume.',
      [SALAMI],
      [
        ['Salami', 'Hossein Salami'],
        ['Officials', 'Officials'],
      ],
    ],
    [
      'a pronoun never takes an organisation as speaker (it stays an unnamed "He")',
      'The IRGC said that the drills were over. He said that more would follow.',
      [{ surface: 'IRGC', type: 'ORG', entity: 'IRGC' }],
      [
        ['The IRGC', 'IRGC'],
        ['He', 'He'],
      ],
    ],
    [
      'the fallback looks no further than two paragraphs back',
      'Salami said that the regime is collapsing.\n\nThe weather was fine.\n\nThe rally ended.\n\nHe said that the war was over.',
      [SALAMI],
      [
        ['Salami', 'Hossein Salami'],
        ['He', 'He'],
      ],
    ],
    [
      'a participial attribution shares the main clause’s speaker',
      'The IRGC commander noted that the regime is collapsing, adding that the people are ready.\n',
      [{ surface: 'IRGC commander', type: 'PERSON', kind: 'nominal', entity: 'Hossein Salami' }],
      [
        ['The IRGC commander', 'Hossein Salami'],
        ['The IRGC commander', 'Hossein Salami'],
      ],
    ],
    [
      'an aside in the source names someone else',
      'Sir Vince Cable, who replaced Tim Farron as leader in July, said the party would fight on.',
      [
        { surface: 'Vince Cable', type: 'PERSON', entity: 'Vince Cable' },
        { surface: 'Tim Farron', type: 'PERSON', entity: 'Tim Farron' },
      ],
      [['Sir Vince Cable, who replaced Tim Farron as leader in July,', 'Vince Cable']],
    ],
    [
      '"it" takes the previous organisation speaker, never a person',
      'Salami said that the drills were over. The IRGC said that more would follow. It added that the navy took part.',
      [SALAMI, { surface: 'IRGC', type: 'ORG', entity: 'IRGC' }],
      [
        ['Salami', 'Hossein Salami'],
        ['The IRGC', 'IRGC'],
        ['It', 'IRGC'],
      ],
    ],
    [
      'a title before a name: the name is the head ("… Association president Sehar Memon")',
      'University of Texas Arlington Muslim Student Association president Sehar Memon said the feedback had helped.',
      [
        { surface: 'University of Texas Arlington Muslim Student Association', type: 'ORG', entity: 'MSA' },
        { surface: 'Sehar Memon', type: 'PERSON', entity: 'Sehar Memon' },
      ],
      [['University of Texas Arlington Muslim Student Association president Sehar Memon', 'Sehar Memon']],
    ],
    [
      'a person role before an of-phrase is not the organisation after it',
      'Salami said that the drills were over.\n\nThe commander of the navy said that more would follow.',
      [SALAMI, { surface: 'navy', type: 'ORG', entity: 'Navy' }],
      [
        ['Salami', 'Hossein Salami'],
        ['The commander of the navy', 'Hossein Salami'],
      ],
    ],
    [
      'a bare name before a common noun is the speaker',
      'According to Yonhap news agency, quoting KCNA, the military has been placed on high alert.',
      [{ surface: 'Yonhap', type: 'ORG', entity: 'Yonhap' }],
      [['Yonhap news agency', 'Yonhap']],
    ],
    [
      'a relative pronoun source takes the mention it hangs on',
      'The decision is risky for Ted Cruz, who said in July that he would not endorse Trump.',
      [{ surface: 'Ted Cruz', type: 'PERSON', entity: 'Ted Cruz' }, TRUMP],
      [['who', 'Ted Cruz']],
    ],
    ['no source, no speaker', 'It was reported that the talks had collapsed.', [SALAMI], [[null, null]]],
    [
      'a role named twice is one unnamed entity; each unresolved pronoun is its own',
      'Officials said the road would reopen. They said repairs were done.\n\nOfficials said the bridge was safe. They said traffic would return.',
      [],
      [
        ['Officials', 'Officials'],
        ['They', 'They'],
        ['Officials', 'Officials'],
        ['They', 'They'],
      ],
    ],
  ])('%s', (_name, text, mentions, expected) => {
    expect(speakers(runAttribution(text, mentions))).toEqual(expected)
  })
})

describe('speaker resolution with the real NER and coref stages', () => {
  const pipeline = createPipeline(presets.full, { validate: false })
  /** The speaker entity's name for the attribution whose source reads `source`. */
  function roleSpeaker(text: string, source: string): string | null | undefined {
    const a = pipeline.run({ text })
    const x = a.attributions.find((y) => surface(a, y.source) === source)
    expect(x, `${source} in ${text}`).toBeDefined()
    return x?.speaker ? (a.entities.find((e) => e.id === x.speaker)?.name ?? null) : null
  }

  it('issue-3: every source has a speaker; a source no entity covers is an unnamed entity with a mention', () => {
    // Wikinews, "Hackers attack Church of Scientology website" (2008, CC BY 2.5)
    const text =
      "Wikinews has learned that according to an Internet posting made just over 24 hours ago, the Church of Scientology's website is being attacked by hackers, causing the site to shut down.\n" +
      '"Prompted I think by the Tom Cruise video, a new obsession is taking hold on the internet. An insurgency against The Church of Scientology." Anonymous blogger, "Anon declares war on Church of Scientology"\n'
    const a = pipeline.run({ text })
    const sourced = a.attributions.filter((x) => x.source !== null)
    expect(sourced.map((x) => surface(a, x.source))).toEqual(
      expect.arrayContaining(['an Internet posting made just over 24 hours ago', 'Anonymous blogger']),
    )
    for (const x of sourced) {
      const entity = a.entities.find((e) => e.id === x.speaker)
      expect(entity, `speaker of ${surface(a, x.source)}`).toBeDefined()
      // the entity has a mention inside the source
      const mention = a.mentions.find(
        (m) => entity?.mentions.includes(m.id) && m.start >= (x.source?.start ?? 0),
      )
      expect(mention?.entity).toBe(entity?.id)
    }
    const names = sourced.map((x) => a.entities.find((e) => e.id === x.speaker)?.name)
    expect(names).toEqual(
      expect.arrayContaining(['Internet posting made just over 24 hours ago', 'Anonymous blogger']),
    )
    // ids stay unique and the layer stays in order (the pipeline validates this too)
    expect(new Set(a.mentions.map((m) => m.id)).size).toBe(a.mentions.length)
  })

  it.each([
    ['Officials said the road through the valley would reopen on Monday.', 'Officials', 'Officials'],
    ['A spokesman for the ministry said the talks had failed.', 'A spokesman for the ministry', 'spokesman'],
    ['Police said two men had been arrested near the station.', 'Police', 'Police'],
  ])('a role never named is its own speaker: %s', (text, source, name) => {
    expect(roleSpeaker(text, source)).toBe(name)
  })
})

describe('unnamed speakers: type and cleaning on real text', () => {
  const pipeline = createPipeline(presets.full, { validate: true })
  it('a plural of agents is a PERSON role, an airline collective an ORG (BBC News, 2005)', () => {
    const text =
      'Federal regulators said the merger would be reviewed.\n\nLow-cost airlines said fares would keep falling.\n'
    const a = pipeline.run({ text })
    const types = a.attributions.map((x) => a.entities.find((e) => e.id === x.speaker)?.type)
    expect(types).toEqual(['PERSON', 'ORG'])
  })
})
