import { describe, expect, it } from 'vitest'
import { findAbsoluteDenial } from './exaggeration-absolute.js'
import { findIntensified } from './exaggeration-intensifier.js'
import { findSuperlativeScope } from './exaggeration-superlative.js'
import type { RuleSpan } from './rule-span.js'

/** Each span's surface and cues. */
function found(find: (text: string) => RuleSpan[], text: string): [string, string[]][] {
  return find(text).map((s) => [text.slice(s.start, s.end), s.cues])
}

describe('findAbsoluteDenial', () => {
  it('marks an absolute denial of existence up to its verb (IRGC interview)', () => {
    expect(
      found(findAbsoluteDenial, 'That means, he added, no safe place has been left for the Zionist regime.'),
    ).toEqual([['no safe place has been left', ['no', 'left']]])
  })

  it('marks "not a single … remains" and "nowhere is safe"', () => {
    expect(
      found(findAbsoluteDenial, 'Not a single hospital remains open in the north, and nowhere is safe.'),
    ).toEqual([
      ['Not a single hospital remains', ['Not a single', 'remains']],
      ['nowhere is safe', ['nowhere', 'safe']],
    ])
  })

  it('leaves "no longer" (BBC business report)', () => {
    expect(
      found(findAbsoluteDenial, 'saying the carrier could no longer afford to remain "all-Australian".'),
    ).toEqual([])
  })

  it('leaves a plain negative report (North Korea article)', () => {
    expect(
      found(
        findAbsoluteDenial,
        'No injuries or deaths were reported in the attacks from either side, but South Korea evacuated about 80 people.',
      ),
    ).toEqual([])
  })
})

describe('findIntensified', () => {
  it('marks an intensifier or a magnitude adjective with the word it inflates (PTC train sentences)', () => {
    expect(
      found(findIntensified, 'there is absolutely no evidence in the book to support its claims'),
    ).toEqual([['absolutely no', ['absolutely']]])
    expect(found(findIntensified, 'The result is endless warfare across the region.')).toEqual([
      ['endless warfare', ['endless']],
    ])
  })

  it('marks certainty stated as 100%, not other percentages', () => {
    expect(
      found(findIntensified, 'He said the claim is “100% false”, though 45% of voters believed it.'),
    ).toEqual([['100%', ['100%']]])
    expect(found(findIntensified, 'Turnout rose by 2.100% points.')).toEqual([])
  })
})

describe('findSuperlativeScope', () => {
  it('marks a superlative with an unbounded scope, from the superlative to the scope (PTC train sentences)', () => {
    expect(
      found(
        findSuperlativeScope,
        'It was the worst mass shooting in modern American history, and the biggest lie ever told.',
      ),
    ).toEqual([
      ['the worst mass shooting in modern American history', ['worst', 'history']],
      ['the biggest lie ever', ['biggest', 'ever']],
    ])
  })

  it('leaves a superlative without a scope phrase', () => {
    expect(
      found(findSuperlativeScope, 'The most important thing is to vote for the best candidate.'),
    ).toEqual([])
  })
})
