import { describe, expect, it } from 'vitest'
import { runAttribution } from '../test-pipeline.js'

describe('cue-prepositions', () => {
  it('a linking preposition after the cue is the cue’s, not the content’s (Associated Press, 2016)', () => {
    const text = 'Trump has faced questions about business practices at a foundation that bears his name.\n'
    const a = runAttribution(text, [{ surface: 'Trump', type: 'PERSON', entity: 'Donald Trump' }])
    const x = a.attributions.find((y) => y.cue && text.slice(y.cue.start, y.cue.end).startsWith('questions'))
    expect(x, 'an attribution with the cue "questions …"').toBeDefined()
    if (!x?.cue) return
    expect(text.slice(x.cue.start, x.cue.end)).toBe('questions about')
    expect(text.slice(x.content.start, x.content.end)).toBe(
      'business practices at a foundation that bears his name',
    )
  })
})
