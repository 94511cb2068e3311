import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../../model/layers.js'
import { findCitedAuthorities } from './authority-attribution.js'

/** An attribution over the first occurrences of `source`, `cue` and `content` in `text`. */
function attribution(
  text: string,
  id: Attribution['id'],
  parts: { source: string; cue: string; content: string },
  parent: Attribution['id'] | null,
): Attribution {
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })
  return {
    id,
    mode: 'indirect',
    cue: span(parts.cue),
    content: span(parts.content),
    source: span(parts.source),
    speaker: null,
    parent,
    prov: { stage: 'test', rule: 'fixed' },
  }
}

/** A speaker's attribution (`a1`) holding a nested one (`a2`); each content runs from after its cue to the full stop. */
function nested(text: string, outer: [string, string], inner: [string, string]): Attribution[] {
  const afterCue = (cue: string) => text.slice(text.indexOf(cue) + cue.length + 1, -1)
  return [
    attribution(text, 'a1', { source: outer[0], cue: outer[1], content: afterCue(outer[1]) }, null),
    attribution(text, 'a2', { source: inner[0], cue: inner[1], content: afterCue(inner[1]) }, 'a1'),
  ]
}

describe('findCitedAuthorities', () => {
  it('marks an authority cited inside a speaker’s words, voiced by the citing speaker', () => {
    // IRGC interview (test/corpus/irgc-salami-interview): Salami cites the Supreme Leader.
    const text =
      'He said that the Supreme Leader has noted that Iran will stand with the Palestinians to the end.'
    const found = findCitedAuthorities(text, nested(text, ['He', 'said'], ['the Supreme Leader', 'noted']))
    expect(found.map((s) => [text.slice(s.start, s.end), s.cues, s.voice])).toEqual([
      [
        'the Supreme Leader has noted that Iran will stand with the Palestinians to the end',
        ['Leader'],
        'a1',
      ],
    ])
  })

  it('leaves an authority the outlet quotes directly unless every attribution is asked for', () => {
    const text = 'Experts said the vaccine is safe.'
    const own = attribution(
      text,
      'a1',
      { source: 'Experts', cue: 'said', content: 'the vaccine is safe' },
      null,
    )
    expect(findCitedAuthorities(text, [own])).toEqual([])
    expect(findCitedAuthorities(text, [own], 'any').map((s) => s.cues)).toEqual([['Experts']])
  })

  it('leaves a nested source that is no authority', () => {
    const text = 'She said her neighbour told her that the road was closed.'
    expect(findCitedAuthorities(text, nested(text, ['She', 'said'], ['her neighbour', 'told']))).toEqual([])
  })
})
