import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../../model/layers.js'
import { findDistancedSources } from './doubt-distancing.js'

/** An attribution with `cue` and `content` (first occurrences in `text`) and the given stance. */
function reported(text: string, cue: string, content: string, stance: Attribution['stance']): Attribution {
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })
  return {
    id: 'a1',
    mode: 'indirect',
    cue: span(cue),
    content: span(content),
    source: span('He'),
    speaker: null,
    parent: null,
    stance,
    prov: { stage: 'test', rule: 'fixed' },
  }
}

describe('findDistancedSources', () => {
  it('marks a statement the writer distances from, from the cue to the end of its content', () => {
    const text = 'He claimed that the photos were never shared with anyone.'
    const a = reported(text, 'claimed', 'that the photos were never shared with anyone', 'distancing')
    expect(findDistancedSources(text, [a]).map((s) => [text.slice(s.start, s.end), s.cues])).toEqual([
      ['claimed that the photos were never shared with anyone', ['claimed']],
    ])
  })

  it('leaves a neutrally reported statement', () => {
    const text = 'He said that the photos were never shared with anyone.'
    expect(
      findDistancedSources(text, [
        reported(text, 'said', 'that the photos were never shared with anyone', 'neutral'),
      ]),
    ).toEqual([])
  })
})
