import { describe, expect, it } from 'vitest'
import { entryUnits, Gazetteer } from './gazetteer.js'

const gazetteer = new Gazetteer({
  countries: ['Iran', 'United States', 'US', 'U.S.'],
  'person-titles': ['Major General', 'Maj. Gen.'],
  organisations: ['Islamic Revolution Guards Corps', "People's Liberation Army"],
})

describe('gazetteer', () => {
  it.each([
    ['Maj. Gen.', ['Maj', '.', 'Gen', '.']],
    ["People's Liberation Army", ['People', "'s", 'Liberation', 'Army']],
    ['U.S.', ['U.S.']],
  ])('splits the entry %s into tagger units', (entry, units) => {
    expect(entryUnits(entry)).toEqual(units)
  })

  it('finds multi-unit entries case-insensitively', () => {
    const texts = ['the', 'ISLAMIC', 'REVOLUTION', 'GUARDS', 'CORPS', 'of', 'Iran']
    expect(gazetteer.match(texts)).toEqual([
      { start: 1, end: 5, list: 2 },
      { start: 6, end: 7, list: 0 },
    ])
  })

  it('matches all-capital entries only in capitals', () => {
    expect(gazetteer.match(['told', 'us'])).toEqual([])
    expect(gazetteer.match(['the', 'US'])).toEqual([{ start: 1, end: 2, list: 0 }])
  })

  it('answers whole-phrase membership', () => {
    expect(gazetteer.has('countries', 'united states')).toBe(true)
    expect(gazetteer.has('countries', 'united')).toBe(false)
  })
})
