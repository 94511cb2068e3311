import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../model/analysis.js'
import type { EntityType, MentionKind } from '../../model/layers.js'
import { findNames, runCoref } from './harness.js'

type Names = ReadonlyArray<readonly [string, EntityType, MentionKind?]>

/** Surface@start of every mention of the entity that holds the mention starting at `start`. */
function chainAt(a: Analysis, start: number): string[] {
  const m = a.mentions.find((x) => x.start === start)
  const e = a.entities.find((x) => x.id === m?.entity)
  return (e?.mentions ?? []).map((id) => {
    const x = a.mentions.find((y) => y.id === id)
    return x ? `${a.document.text.slice(x.start, x.end)}@${x.start}` : id
  })
}

function entityAt(a: Analysis, start: number) {
  const m = a.mentions.find((x) => x.start === start)
  return a.entities.find((x) => x.id === m?.entity)
}

describe('coref on the IRGC interview (test/corpus/irgc-salami-interview)', () => {
  const text = readFileSync(
    new URL('../../../test/corpus/irgc-salami-interview/source.txt', import.meta.url),
    'utf8',
  )
  // What a good NER would tag; coref must do the rest.
  const names: Names = [
    ['Hossein Salami', 'PERSON'],
    ['Salami', 'PERSON'],
    ['Ali Khamenei', 'PERSON'],
    ['Islamic Revolution Guards Corps', 'ORG'],
    ['IRGC', 'ORG', 'acronym'],
    ['Hezbollah Resistance Movement', 'ORG'],
    ['Hezbollah', 'ORG'],
    ['Islamic Jihad Movement', 'ORG'],
    ['Gaza Strip', 'LOC'],
    ['Gaza', 'GPE'],
    ['Lebanon', 'GPE'],
    ['Iran', 'GPE'],
    ['Palestine', 'GPE'],
    ['West Bank', 'LOC'],
    ['Syria', 'GPE'],
    ['Israeli', 'NORP'],
    ['Palestinians', 'NORP'],
    ['Iranian', 'NORP'],
  ]
  const a = runCoref(text, findNames(text, names))

  it('makes one entity of Hossein Salami with his rank and his role', () => {
    const salami = entityAt(a, 80)
    expect(salami?.name).toBe('Hossein Salami')
    expect(salami?.type).toBe('PERSON')
    expect(salami?.titles).toEqual([
      'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC)',
      'Major General',
    ])
  })

  it('links role nouns and subject pronouns to Salami', () => {
    const chain = chainAt(a, 80)
    for (const expected of [
      'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC)@0',
      'Hossein Salami@80',
      'Salami@281',
      'The IRGC chief commander@424',
      'he@669',
      'he@966',
      'The Iranian military commander@1311',
      'He@1448',
      'The IRGC commander@1951',
      'He@2111',
      'He@2451',
      'Salami@2595',
    ]) {
      expect(chain).toContain(expected)
    }
  })

  it('makes the IRGC and its expansion one organisation', () => {
    expect(chainAt(a, 26)).toEqual(['Islamic Revolution Guards Corps@26', 'IRGC@59', 'IRGC@428', 'IRGC@1955'])
    expect(entityAt(a, 26)?.name).toBe('Islamic Revolution Guards Corps')
  })

  it('links the Supreme Leader to Ali Khamenei', () => {
    const khamenei = entityAt(a, 409)
    expect(khamenei?.name).toBe('Ali Khamenei')
    expect(khamenei?.titles).toEqual(['Supreme Leader of the Islamic Revolution', 'Ayatollah Seyyed'])
    expect(chainAt(a, 409)).toContain('the Supreme Leader@2464')
  })

  it('gives every name mention an entity and numbers mentions in span order', () => {
    for (const m of a.mentions.filter((x) => x.kind === 'name' || x.kind === 'acronym'))
      expect(m.entity).not.toBeNull()
    a.mentions.forEach((m, i) => expect(m.id).toBe(`m${i + 1}`))
    a.entities.forEach((e, i) => expect(e.id).toBe(`e${i + 1}`))
  })

  it('gives byte-identical output on a second run', () => {
    expect(JSON.stringify(runCoref(text, findNames(text, names)))).toBe(JSON.stringify(a))
  })
})

describe('coref table: real news sentences', () => {
  it.each<[string, string, Names, number, string, string[], string[]]>([
    [
      'surname and title premodifier',
      'German Chancellor Olaf Scholz said on Tuesday that Berlin would send more air defence systems to Ukraine. Scholz told reporters in Berlin that he had spoken to President Volodymyr Zelenskiy by phone.',
      [
        ['Olaf Scholz', 'PERSON'],
        ['Scholz', 'PERSON'],
        ['Berlin', 'GPE'],
        ['Ukraine', 'GPE'],
        ['Volodymyr Zelenskiy', 'PERSON'],
      ],
      18,
      'Olaf Scholz',
      ['German Chancellor'],
      ['Olaf Scholz@18', 'Scholz@106', 'he@143'],
    ],
    [
      'acronym from capitals, without brackets',
      'The International Atomic Energy Agency said Iran had expanded its enrichment work. The IAEA said in a confidential report that it could no longer verify the stockpile.',
      [
        ['International Atomic Energy Agency', 'ORG'],
        ['IAEA', 'ORG', 'acronym'],
        ['Iran', 'GPE'],
      ],
      4,
      'International Atomic Energy Agency',
      [],
      ['International Atomic Energy Agency@4', 'IAEA@87'],
    ],
    [
      'an acronym the tagger typed wrongly still spells a name with a possessive in it',
      "The KPA fired one shell at the south side. Kim Jong-un ordered the front-line units of the Korean People's Army to enter a wartime state.",
      [
        ['KPA', 'GPE', 'acronym'],
        ['Kim Jong-un', 'PERSON'],
        ["Korean People's Army", 'ORG'],
      ],
      4,
      "Korean People's Army",
      [],
      ['KPA@4', "Korean People's Army@91"],
    ],
    [
      "a state's official acronym from the alias list",
      'North Korea fired artillery rounds at a loudspeaker in South Korea. The DPRK said the broadcasts were a grave provocation.',
      [
        ['North Korea', 'GPE'],
        ['South Korea', 'GPE'],
        ['DPRK', 'MISC', 'acronym'],
      ],
      0,
      'North Korea',
      [],
      ['North Korea@0', 'DPRK@72'],
    ],
    [
      'apposition after the name, then the role noun',
      'Ned Price, the State Department spokesman, told reporters that Washington was consulting its allies. The spokesman said no decision had been made.',
      [
        ['Ned Price', 'PERSON'],
        ['State Department', 'ORG'],
        ['Washington', 'GPE'],
      ],
      0,
      'Ned Price',
      ['State Department spokesman'],
      ['Ned Price@0', 'the State Department spokesman@11', 'The spokesman@101'],
    ],
    [
      'abbreviated title and a female first name',
      'Sen. Elizabeth Warren criticized the merger on Thursday. She said the deal would raise prices for consumers.',
      [['Elizabeth Warren', 'PERSON']],
      5,
      'Elizabeth Warren',
      ['Sen.'],
      ['Elizabeth Warren@5', 'She@57'],
    ],
    [
      'the company',
      'Apple reported record quarterly revenue on Thursday. The company said sales of the iPhone rose 9 percent.',
      [
        ['Apple', 'ORG'],
        ['iPhone', 'PRODUCT'],
      ],
      0,
      'Apple',
      [],
      ['Apple@0', 'The company@53'],
    ],
    [
      'a plural role becomes its own entity',
      'Israeli officials said the strike targeted a weapons depot. The officials declined to give further details.',
      [['Israeli', 'NORP']],
      0,
      'Israeli officials',
      [],
      ['Israeli officials@0', 'The officials@60'],
    ],
    [
      'a possessive name',
      'Salami’s remarks came a day after the strike. Salami said Iran would respond.',
      [
        ['Salami', 'PERSON'],
        ['Iran', 'GPE'],
      ],
      0,
      'Salami',
      [],
      ['Salami@0', 'Salami@46'],
    ],
    [
      'a nationality across number; an embedded adjective gives no salience',
      'Salami said the Palestinian people believe that they can retake their land. The Palestinians have managed to level up their fighting.',
      [
        ['Salami', 'PERSON'],
        ['Palestinian', 'NORP'],
        ['Palestinians', 'NORP'],
      ],
      16,
      'Palestinians',
      [],
      ['Palestinian@16', 'Palestinians@80', 'their@118'],
    ],
    [
      'title run with an organisation, then the organisation noun',
      'Iran rejected the accusation, said Foreign Ministry spokesman Nasser Kanaani. The ministry said in a statement that it would respond. Kanaani, speaking at a weekly press conference, said talks would continue.',
      [
        ['Iran', 'GPE'],
        ['Foreign Ministry', 'ORG'],
        ['Nasser Kanaani', 'PERSON'],
        ['Kanaani', 'PERSON'],
      ],
      62,
      'Nasser Kanaani',
      ['Foreign Ministry spokesman'],
      ['Nasser Kanaani@62', 'Kanaani@134'],
    ],
    [
      'honorific, role noun and pronoun of a president; the spokeswoman is someone else',
      "President Joe Biden spoke on Tuesday. Biden's spokeswoman Karine Jean-Pierre said the president was briefed. Mr. Biden later said he was confident. She added that the White House had no comment.",
      [
        ['Joe Biden', 'PERSON'],
        ['Biden', 'PERSON'],
        ['Karine Jean-Pierre', 'PERSON'],
        ['White House', 'ORG'],
      ],
      10,
      'Joe Biden',
      ['President', 'Mr.'],
      ['Joe Biden@10', 'Biden@38', 'the president@82', 'Biden@113', 'he@130'],
    ],
    [
      'a generic organisation noun skips a commission for the company',
      "The Securities and Exchange Commission (SEC) is also investigating Marsh. Late last month the SEC asked for information about transactions involving holders of 5% or more of the firm's shares.",
      [
        ['Securities and Exchange Commission', 'ORG'],
        ['SEC', 'ORG', 'acronym'],
        ['Marsh', 'ORG'],
      ],
      67,
      'Marsh',
      [],
      ['Marsh@67', 'the firm@174'],
    ],
    [
      'a sentence-initial bare plural, its pronoun and its definite repetition',
      'Police said they had arrested two men in Manchester. The police did not name the suspects.',
      [['Manchester', 'GPE']],
      0,
      'Police',
      [],
      ['Police@0', 'they@12', 'The police@53'],
    ],
  ])('%s', (_label, text, names, start, name, titles, chain) => {
    const a = runCoref(text, findNames(text, names))
    const e = entityAt(a, start)
    expect(e?.name).toBe(name)
    expect(e?.titles).toEqual(titles)
    expect(chainAt(a, start)).toEqual(chain)
  })
})

describe('coref: robust to entities-stage slips', () => {
  const text =
    'Salami spoke to the official website of Supreme Leader Ayatollah Seyyed Ali Khamenei. The Supreme Leader has said Iran will stand with the Palestinians.'

  it('completes a name the NER cut short and joins touching titles', () => {
    // The NER tagged "Seyyed Ali" (title + first name) and "Supreme Leader" as an organisation.
    const a = runCoref(text, [
      { start: 0, end: 6, type: 'PERSON' },
      { start: 40, end: 54, type: 'ORG' },
      { start: 65, end: 75, type: 'PERSON' },
      { start: 90, end: 104, type: 'ORG' },
      { start: 114, end: 118, type: 'GPE' },
    ])
    const khamenei = entityAt(a, 65)
    expect(khamenei?.name).toBe('Ali Khamenei')
    expect(khamenei?.titles).toEqual(['Supreme Leader Ayatollah Seyyed'])
    expect(chainAt(a, 65)).toEqual(['Supreme Leader@40', 'Seyyed Ali@65', 'Supreme Leader@90'])
    expect(a.mentions.find((m) => m.start === 90)?.type).toBe('PERSON')
  })
})

describe('coref: nouns that speak though the role list lacks them', () => {
  it.each([
    ['Critics said the plan would cost thousands of jobs.', 'Critics', 'PERSON'],
    ['In Ohio, voters say the economy matters most.', 'voters', 'PERSON'],
    ['Environmentalists have argued that the pipeline is dangerous.', 'Environmentalists', 'PERSON'],
    ['The Trump campaign said the report was false.', 'The Trump campaign', 'ORG'],
  ])('%s → an entity for "%s"', (text, surface, type) => {
    const a = runCoref(
      text,
      findNames(text, [
        ['Trump', 'PERSON'],
        ['Ohio', 'GPE'],
      ]),
    )
    const m = a.mentions.find((x) => text.slice(x.start, x.end) === surface)
    expect(m?.kind).toBe('nominal')
    expect(entityAt(a, m?.start ?? -1)?.type).toBe(type)
  })

  it('makes no entity of what is reported (a passive subject)', () => {
    // Wikinews, 2015 (North Korea) and 2015 (Ahmed Mohamed)
    const text =
      'No injuries or deaths were reported in the attacks from either side.\nAfter news of the police response was reported, Mohamed received support.'
    const a = runCoref(text, findNames(text, [['Mohamed', 'PERSON']]))
    const nominals = a.mentions.filter((x) => x.kind === 'nominal').map((x) => text.slice(x.start, x.end))
    expect(nominals.filter((s) => /deaths|response/.test(s))).toEqual([])
  })

  it('makes no entity of a noun before an ordinary verb or of a pronoun', () => {
    const text = 'Prices rose again. They said nothing.'
    const a = runCoref(text, [])
    expect(a.mentions.filter((x) => x.kind === 'nominal')).toEqual([])
  })
})

describe('coref: a speaker does not name himself in his own quotation', () => {
  it('resolves "He said, “Andy Warhol was …”" to the other man, not Warhol', () => {
    const text =
      'For Kevin Allton, a USI instructor in English, Warhol was also a legend.\nHe said, "Andy Warhol was the center of the Zeitgeist for the 20th century."'
    const a = runCoref(
      text,
      findNames(text, [
        ['Kevin Allton', 'PERSON'],
        ['Warhol', 'PERSON'],
        ['Andy Warhol', 'PERSON'],
        ['USI', 'ORG'],
      ]),
    )
    expect(entityAt(a, text.indexOf('He said'))?.name).toBe('Kevin Allton')
  })

  it('keeps the usual antecedent when the quotation names someone else', () => {
    const text = 'Warhol liked the camera.\nHe said, "Kevin Allton took the best pictures of me."'
    const a = runCoref(
      text,
      findNames(text, [
        ['Kevin Allton', 'PERSON'],
        ['Warhol', 'PERSON'],
      ]),
    )
    expect(entityAt(a, text.indexOf('He said'))?.name).toBe('Warhol')
  })
})

describe('coref: a surname misspelt by one letter', () => {
  it('links "Mauer" to K.C. Maurer and "Water" to Kathryn Waters (Wikinews, 2014)', () => {
    const text =
      'K.C. Maurer, chief financial officer at the Andy Warhol Foundation, said 500 institutions received the invitation.\nInstitutional recipients, said Mauer, are required to exhibit their photographs.\n"Pop art was about what popular American culture really thought was important", Kathryn Waters said.\n"I think everybody knows Andy Warhol\'s name", Water said.'
    const a = runCoref(
      text,
      findNames(text, [
        ['K.C. Maurer', 'PERSON'],
        ['Mauer', 'PERSON'],
        ['Kathryn Waters', 'PERSON'],
        ['Water', 'PERSON'],
        ['Andy Warhol', 'PERSON'],
        ['Andy Warhol Foundation', 'ORG'],
      ]),
    )
    expect(entityAt(a, text.indexOf('Mauer'))?.name).toBe('K.C. Maurer')
    expect(entityAt(a, text.indexOf('Water said'))?.name).toBe('Kathryn Waters')
  })

  it('does not read a changed letter, a first name or a second candidate as a misspelling', () => {
    const text =
      'Barack Obama spoke on Monday.\nOsama said nothing.\nJohn Rogers met Ann Smith.\nRoger left.\nTom Janssen and Eva Jansens came.\nJansen stayed.'
    const a = runCoref(
      text,
      findNames(text, [
        ['Barack Obama', 'PERSON'],
        ['Osama', 'PERSON'],
        ['John Rogers', 'PERSON'],
        ['Ann Smith', 'PERSON'],
        ['Roger', 'PERSON'],
        ['Tom Janssen', 'PERSON'],
        ['Eva Jansens', 'PERSON'],
        ['Jansen', 'PERSON'],
      ]),
    )
    expect(entityAt(a, text.indexOf('Osama'))?.name).toBe('Osama')
    expect(entityAt(a, text.indexOf('Roger left'))?.name).toBe('Roger')
    expect(entityAt(a, text.indexOf('Jansen stayed'))?.name).toBe('Jansen')
  })
})

describe('coref: a designated short form of a name with an of/for phrase', () => {
  it('links "Andy Warhol Foundation" to "Andy Warhol Foundation for the Visual Arts" (Wikinews, 2014)', () => {
    const text =
      'The Polaroids were donated to USI by the Andy Warhol Foundation for the Visual Arts.\n' +
      'Since 2007, the Andy Warhol Foundation has donated photographs to 189 galleries.'
    const a = runCoref(
      text,
      findNames(text, [
        ['Andy Warhol Foundation for the Visual Arts', 'ORG'],
        ['Andy Warhol Foundation', 'ORG'],
        ['USI', 'ORG'],
      ]),
    )
    expect(entityAt(a, text.indexOf('Andy Warhol Foundation has'))?.name).toBe(
      'Andy Warhol Foundation for the Visual Arts',
    )
  })

  it('does not take a one-word designator or a name that goes on without of/for as its short form', () => {
    const text =
      'The Bill and Melinda Gates Foundation for Global Health gave money. The Foundation said so.\n' +
      'The Ford Foundation Trust gave more. The Ford Foundation did not.'
    const a = runCoref(
      text,
      findNames(text, [
        ['Bill and Melinda Gates Foundation for Global Health', 'ORG'],
        ['Foundation', 'ORG'],
        ['Ford Foundation Trust', 'ORG'],
        ['Ford Foundation', 'ORG'],
      ]),
    )
    expect(entityAt(a, text.indexOf('Foundation said'))?.name).toBe('Foundation')
    expect(entityAt(a, text.indexOf('Ford Foundation did'))?.name).toBe('Ford Foundation')
  })
})
