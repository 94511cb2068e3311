import { describe, expect, it } from 'vitest'
import { loadEntityModel } from './model-file.js'
import type { TaggedName } from './recognize.js'
import { splitOrgPerson } from './split-org-person.js'

/** A PER span over `surface` (its first occurrence in `text`), one unit per space-separated word. */
function perSpan(text: string, surface: string): TaggedName {
  const start = text.indexOf(surface)
  const units: string[] = []
  const unitStarts: number[] = []
  const unitEnds: number[] = []
  for (const m of surface.matchAll(/\S+/g)) {
    units.push(m[0])
    unitStarts.push(start + (m.index ?? 0))
    unitEnds.push(start + (m.index ?? 0) + m[0].length)
  }
  return { start, end: start + surface.length, type: 'PER', units, unitStarts, unitEnds, cased: units }
}

const gazetteer = loadEntityModel().resources.gazetteer

describe('splitOrgPerson', () => {
  it.each([
    [
      'Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and wanted to issue her support to Mohamed.',
      'Texas Arlington Amneh Jafari',
      [
        ['ORG', 'University of Texas Arlington', 20, 49],
        ['PER', 'Amneh Jafari', 50, 62],
      ],
    ],
    [
      'A spokesman for the Ministry of Foreign Affairs Maria Zakharova said Moscow would respond.',
      'Foreign Affairs Maria Zakharova',
      [
        ['ORG', 'Ministry of Foreign Affairs', 20, 47],
        ['PER', 'Maria Zakharova', 48, 63],
      ],
    ],
    // the sentence on its own: the tagger puts the head and "of" in the person span too
    [
      'Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and wanted to issue her support to Mohamed.',
      'University of Texas Arlington Amneh Jafari',
      [
        ['ORG', 'University of Texas Arlington', 20, 49],
        ['PER', 'Amneh Jafari', 50, 62],
      ],
    ],
  ])('splits the organisation from the person in %s', (text, tagged, expected) => {
    const out = splitOrgPerson(text, [perSpan(text, tagged)], gazetteer)
    expect(out.map((n) => [n.type, text.slice(n.start, n.end), n.start, n.end])).toEqual(expected)
    for (const n of out) expect(n.units.join(' ')).toBe(text.slice(n.start, n.end))
  })

  it('replaces a name the tagger gave the head on its own', () => {
    const text =
      'Psychology major at University of Texas Arlington Amneh Jafari heard of the incident and wanted to issue her support to Mohamed.'
    const head = { ...perSpan(text, 'University of'), type: 'LOC' }
    const out = splitOrgPerson(text, [head, perSpan(text, 'Texas Arlington Amneh Jafari')], gazetteer)
    expect(out.map((n) => [n.type, text.slice(n.start, n.end)])).toEqual([
      ['ORG', 'University of Texas Arlington'],
      ['PER', 'Amneh Jafari'],
    ])
  })

  it.each([
    // no "<head> of" before the span
    ['Students at the school said Amneh Jafari Smith had spoken to them.', 'Amneh Jafari Smith'],
    // two words are a whole name already
    ['Psychology major at University of Texas student Amneh Jafari heard of the incident.', 'Amneh Jafari'],
    // a title closes the organisation part: the title is the person's, not the organisation's
    [
      'Officials at the Department of State Secretary Antony Blinken met said talks would resume.',
      'State Secretary Antony Blinken',
    ],
    // lower-case "of" phrase head is no organisation name
    ['He spoke to the head of state Emmanuel Jean Macron on Monday.', 'Emmanuel Jean Macron'],
  ])('leaves the span alone in %s', (text, tagged) => {
    const span = perSpan(text, tagged)
    expect(splitOrgPerson(text, [span], gazetteer)).toEqual([span])
  })
})
