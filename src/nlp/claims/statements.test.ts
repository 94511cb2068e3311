import { describe, expect, it } from 'vitest'
import type { Attribution, AttributionId } from '../../model/layers.js'
import { statements } from './statements.js'

const text =
  'Sunak said he believes that the Home Secretary has said that 45,000 people crossed the Channel in 2022. ' +
  'The weather in Dover was calm for most of the week.\nImage: Home Office.'
const span = (part: string): { start: number; end: number } => {
  const start = text.indexOf(part)
  return { start, end: start + part.length }
}
function attribution(
  id: AttributionId,
  parent: AttributionId | null,
  content: string,
  cue: string,
): Attribution {
  return {
    id,
    mode: 'indirect',
    cue: span(cue),
    content: span(content),
    source: null,
    speaker: null,
    parent,
    prov: { stage: 'test', rule: 'hand-made' },
  }
}

const attributions = [
  attribution(
    'a1',
    null,
    'he believes that the Home Secretary has said that 45,000 people crossed the Channel in 2022',
    'said',
  ),
  attribution(
    'a2',
    'a1',
    'that the Home Secretary has said that 45,000 people crossed the Channel in 2022',
    'believes',
  ),
  attribution('a3', 'a2', 'that 45,000 people crossed the Channel in 2022', 'has said'),
]
const sentences = [
  span(text.slice(0, text.indexOf(' The weather') + 1)),
  span('The weather in Dover was calm for most of the week.\n'),
  span('Image: Home Office.'),
]

describe('statements', () => {
  const found = statements(text, sentences, attributions)
  const surfaces = found.map((s) => [text.slice(s.start, s.end), s.attribution])

  it('takes a nested content instead of its parent where it fills most of it, and keeps both otherwise', () => {
    // a2 fills 91% of a1: a1 is represented by a2; a3 fills 58% of a2: both are claims of their own
    expect(surfaces).toContainEqual([
      'that the Home Secretary has said that 45,000 people crossed the Channel in 2022',
      'a2',
    ])
    expect(surfaces).toContainEqual(['that 45,000 people crossed the Channel in 2022', 'a3'])
    expect(found.some((s) => s.attribution === 'a1')).toBe(false)
  })

  it("adds the outlet's sentences that no attribution touches, trimmed, and drops fragments", () => {
    expect(surfaces).toContainEqual(['The weather in Dover was calm for most of the week.', null])
    expect(surfaces.filter(([, a]) => a === null)).toHaveLength(1)
  })

  it('is in text order, start ascending and end descending', () => {
    const keys = found.map((s) => [s.start, -s.end])
    expect(keys).toEqual(
      [...keys].sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number)),
    )
  })
})
