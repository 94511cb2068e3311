import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../model/analysis.js'
import type { EntityType } from '../../model/layers.js'
import { findNames, runCoref, type NameSpec } from './harness.js'

const entityOf = (a: Analysis, start: number) => a.mentions.find((m) => m.start === start)?.entity ?? null
const pronouns = (a: Analysis) =>
  a.mentions
    .filter((m) => m.kind === 'pronoun')
    .map((m) => `${a.document.text.slice(m.start, m.end)}@${m.start}`)

describe('coref: what must not be linked', () => {
  it('keeps two different Smiths apart and gives a bare "Smith" to the nearest one', () => {
    const text =
      'John Smith, a farmer from Iowa, said the drought had cut his yield. Mary Smith, who runs a bakery in Ohio, said prices had doubled. Smith added that she was worried.'
    const a = runCoref(
      text,
      findNames(text, [
        ['John Smith', 'PERSON'],
        ['Mary Smith', 'PERSON'],
        ['Smith', 'PERSON'],
      ]),
    )
    expect(entityOf(a, 0)).not.toBe(entityOf(a, 68))
    expect(entityOf(a, 132)).toBe(entityOf(a, 68))
  })

  it('makes "the group" with no organisation before it its own entity', () => {
    const text = 'Police said the group had claimed responsibility for the attack.'
    const a = runCoref(text, [])
    const group = a.mentions.find((m) => text.slice(m.start, m.end) === 'the group')
    expect(group?.start).toBe(12)
    const e = a.entities.find((x) => x.id === group?.entity)
    expect(e).toMatchObject({ type: 'ORG', name: 'group', mentions: [group?.id] })
  })

  it('does not link "a spokesman" to a person named before', () => {
    const text =
      'Prime Minister Benjamin Netanyahu met the envoy on Sunday. A spokesman said the talks were constructive.'
    const a = runCoref(text, findNames(text, [['Benjamin Netanyahu', 'PERSON']]))
    const spokesman = a.mentions.find((m) => text.slice(m.start, m.end) === 'A spokesman')
    expect(spokesman?.start).toBe(59)
    expect(spokesman?.entity).not.toBe(entityOf(a, 15))
  })

  it('leaves a pronoun unresolved when both candidates have the other gender', () => {
    const text = 'John Smith and Peter Jones met in London on Monday. She said the meeting went well.'
    const specs: NameSpec[] = findNames(text, [
      ['John Smith', 'PERSON'],
      ['Peter Jones', 'PERSON'],
      ['London', 'GPE'],
    ])
    expect(pronouns(runCoref(text, specs))).toEqual([])
  })

  it('never merges a person with a place of the same name', () => {
    const text = 'Michael Jordan visited Jordan last year. Jordan said the trip was moving.'
    const specs: NameSpec[] = [
      { start: 0, end: 14, type: 'PERSON' },
      { start: 23, end: 29, type: 'GPE' as EntityType },
      { start: 41, end: 47, type: 'PERSON' },
    ]
    const a = runCoref(text, specs)
    expect(entityOf(a, 41)).toBe(entityOf(a, 0))
    expect(entityOf(a, 23)).not.toBe(entityOf(a, 0))
  })

  it('leaves pronouns inside direct quotes to attribution', () => {
    const text = '"He will not be intimidated," Biden said of the senator. "We are going to win," he added.'
    expect(pronouns(runCoref(text, findNames(text, [['Biden', 'PERSON']])))).toEqual(['he@80'])
  })

  it('does not take pleonastic "it" for an organisation', () => {
    const text = 'Hezbollah said in a statement that it is clear the war will go on.'
    expect(pronouns(runCoref(text, findNames(text, [['Hezbollah', 'ORG']])))).toEqual([])
  })

  it('does not give "him" to the subject of its own clause', () => {
    const text = 'Ali Khamenei praised him in a speech on Wednesday.'
    expect(pronouns(runCoref(text, findNames(text, [['Ali Khamenei', 'PERSON']])))).toEqual([])
  })

  it('does not take "the general public" for a general', () => {
    const text = 'Major General Hossein Salami spoke. The general public was not invited.'
    const a = runCoref(text, findNames(text, [['Hossein Salami', 'PERSON']]))
    expect(a.mentions.filter((m) => m.kind === 'nominal')).toEqual([])
  })

  it('does not merge a shorter name into a longer one that merely starts with it', () => {
    const text =
      'Chief Commander of the Islamic Revolution Guards Corps Hossein Salami praised the Islamic Revolution on Friday.'
    const a = runCoref(
      text,
      findNames(text, [
        ['Islamic Revolution Guards Corps', 'ORG'],
        ['Islamic Revolution', 'ORG'],
        ['Hossein Salami', 'PERSON'],
      ]),
    )
    expect(entityOf(a, 81)).not.toBe(entityOf(a, 23))
  })

  it('does not give a specific organisation noun to an unrelated organisation', () => {
    const text =
      'Reuters could not independently verify the report. Reuters said it had contacted the ministry.'
    const a = runCoref(text, findNames(text, [['Reuters', 'ORG']]))
    const ministry = a.mentions.find((m) => text.slice(m.start, m.end) === 'the ministry')
    expect(ministry?.start).toBe(81)
    expect(ministry?.entity).not.toBe(entityOf(a, 0))
  })
})
