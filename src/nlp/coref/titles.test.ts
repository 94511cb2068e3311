import { describe, expect, it } from 'vitest'
import { findNames, runCoref } from './harness.js'

/** Titles of the entity of the first PERSON mention, and the appositions coref added as mentions. */
function titlesFor(text: string, name: string) {
  const a = runCoref(text, findNames(text, [[name, 'PERSON']]))
  const person = a.entities.find(
    (e) => e.type === 'PERSON' && e.name.includes(name.split(' ').pop() as string),
  )
  const appositions = a.mentions
    .filter((m) => m.kind === 'nominal' && m.entity === person?.id)
    .map((m) => [text.slice(m.start, m.end), m.start])
  return { titles: person?.titles ?? [], appositions }
}

describe('titles and role appositions', () => {
  it.each<[string, string, string, string[], (string | number)[][]]>([
    [
      'premodifier rank',
      'Major General Hossein Salami said the recent defeat of the Zionist regime had changed the region.',
      'Hossein Salami',
      ['Major General'],
      [],
    ],
    [
      'abbreviated title with a period',
      'Sen. Ted Cruz said on Sunday that the bill would not pass the Senate.',
      'Ted Cruz',
      ['Sen.'],
      [],
    ],
    [
      'role phrase before the name, with an acronym in brackets',
      'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC), Major General Hossein Salami, said that the resistance has grown.',
      'Hossein Salami',
      ['Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC)', 'Major General'],
      [['Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC)', 0]],
    ],
    [
      'role phrase after the name, with an of-complement',
      "Emeritus Professor John Burrows, the chairman of the project's panel of twelve, said the flag had never been open to public choice.",
      'John Burrows',
      ['Emeritus Professor', "chairman of the project's panel of twelve"],
      [["the chairman of the project's panel of twelve", 33]],
    ],
    [
      'possessive country before the role',
      'Malaysia’s Prime Minister, Najib Razak, said the navy would search for the boats.',
      'Najib Razak',
      ['Malaysia’s Prime Minister'],
      [['Malaysia’s Prime Minister', 0]],
    ],
    [
      'an unclosed predicate gives no title, the role noun still links',
      'Hossein Salami has been the chief commander of the Islamic Revolution Guards Corps since 2019 and is the IRGC’s top commander.',
      'Hossein Salami',
      [],
      [['the chief commander', 24]],
    ],
    [
      'predicate nominative closed by the sentence end',
      'Hossein Salami is the chief commander of the Islamic Revolution Guards Corps.',
      'Hossein Salami',
      ['chief commander of the Islamic Revolution Guards Corps'],
      [['the chief commander of the Islamic Revolution Guards Corps', 18]],
    ],
  ])('%s', (_label, text, name, titles, appositions) => {
    const found = titlesFor(text, name)
    expect(found.titles).toEqual(titles)
    expect(found.appositions).toEqual(appositions)
  })

  it.each<[string, string, string]>([
    [
      'a plural role before the comma is no apposition',
      'Speaking to reporters, Joe Biden said the talks went well.',
      'Joe Biden',
    ],
    [
      'a name after the comma is no role',
      'The award went to Hossein Salami, Ali Khamenei and others.',
      'Hossein Salami',
    ],
    [
      'a title with a name is no role phrase',
      'The report was written by Anna Smith, Professor John Burrows and two students.',
      'Anna Smith',
    ],
  ])('%s', (_label, text, name) => {
    expect(titlesFor(text, name)).toEqual({ titles: [], appositions: [] })
  })
})
