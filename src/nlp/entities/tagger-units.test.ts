import { describe, expect, it } from 'vitest'
import { splitPossessive, unitsFromTokens } from './tagger-units.js'

describe('tagger-units', () => {
  it.each([
    ['Iran’s', ['Iran', '’s']],
    ["Lebanon's", ['Lebanon', "'s"]],
    ['Khamenei’s', ['Khamenei', '’s']],
    ['don’t', null],
    ['Amir-Abdollahian', null],
  ])('splits the possessive of %s', (word, expected) => {
    expect(splitPossessive(word)).toEqual(expected)
  })

  it('splits a glued possessive and joins a CoNLL-style separated one', () => {
    // "Iran’s IRGC" as our tokenizer gives it, and "Iran 's IRGC" as CoNLL text gives it (' and s apart).
    const glued = unitsFromTokens('Iran’s IRGC', [0, 7], [6, 11], 0, 2)
    expect(glued).toEqual({ starts: [0, 4, 7], ends: [4, 6, 11], texts: ['Iran', '’s', 'IRGC'] })
    const separate = unitsFromTokens("Iran 's IRGC", [0, 5, 6, 8], [4, 6, 7, 12], 0, 4)
    expect(separate).toEqual({ starts: [0, 5, 8], ends: [4, 7, 12], texts: ['Iran', "'s", 'IRGC'] })
  })
})
