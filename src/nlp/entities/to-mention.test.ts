import { describe, expect, it } from 'vitest'
import { Gazetteer } from './gazetteer.js'
import type { TaggedName } from './recognize.js'
import { toMention } from './to-mention.js'

const gazetteer = new Gazetteer({
  countries: ['Iran'],
  cities: ['Tehran'],
  nationalities: ['Palestinian', 'Palestinians'],
  regions: ['Middle East', 'Gaza'],
  groups: ['Zionist', 'Democrats'],
  'person-titles': ['Major General', 'Ayatollah', 'Sen.', 'President'],
})

/**
 * A tagged name over `text` whose units are split on spaces and before a final period of "Sen.";
 * `recased` is how the tagger read it (headline words recased).
 */
function tagged(text: string, type: string, recased = text): TaggedName {
  const units: string[] = []
  const unitStarts: number[] = []
  const unitEnds: number[] = []
  for (const m of text.matchAll(/[^\s.]+|\./g)) {
    units.push(m[0])
    unitStarts.push(m.index)
    unitEnds.push(m.index + m[0].length)
  }
  const cased = [...recased.matchAll(/[^\s.]+|\./g)].map((m) => m[0])
  return { start: 0, end: text.length, type, units, unitStarts, unitEnds, cased }
}

describe('toMention', () => {
  it.each([
    ['Major General Hossein Salami', 'PER', { start: 14, end: 28, type: 'PERSON', kind: 'name' }],
    ['Ayatollah Seyyed Ali Khamenei', 'PER', { start: 10, end: 29, type: 'PERSON', kind: 'name' }],
    ['Sen. Bernie Sanders', 'PER', { start: 5, end: 19, type: 'PERSON', kind: 'name' }],
    ['Iran', 'LOC', { start: 0, end: 4, type: 'GPE', kind: 'name' }],
    ['Gaza Strip', 'LOC', { start: 0, end: 10, type: 'LOC', kind: 'name' }],
    ['Middle East', 'LOC', { start: 0, end: 11, type: 'LOC', kind: 'name' }],
    ['Red Sea', 'LOC', { start: 0, end: 7, type: 'LOC', kind: 'name' }],
    ['Yeoncheon', 'LOC', { start: 0, end: 9, type: 'GPE', kind: 'name' }],
    ['Palestinians', 'MISC', { start: 0, end: 12, type: 'NORP', kind: 'name' }],
    ['Democrats', 'MISC', { start: 0, end: 9, type: 'NORP', kind: 'name' }],
    ['Takfiri', 'MISC', { start: 0, end: 7, type: 'MISC', kind: 'name' }],
    ['IRGC', 'ORG', { start: 0, end: 4, type: 'ORG', kind: 'acronym' }],
  ])('maps %s (%s)', (text, type, expected) => {
    expect(toMention(tagged(text, type), gazetteer)).toEqual(expected)
  })

  it('keeps a title that is the whole name, and reads capitals in headlines as names', () => {
    expect(toMention(tagged('President', 'PER'), gazetteer)).toEqual({
      start: 0,
      end: 9,
      type: 'PERSON',
      kind: 'name',
    })
    expect(toMention(tagged('TEHRAN', 'LOC', 'Tehran'), gazetteer)).toEqual({
      start: 0,
      end: 6,
      type: 'GPE',
      kind: 'name',
    })
  })
})
