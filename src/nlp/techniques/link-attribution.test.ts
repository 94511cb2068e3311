import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../model/layers.js'
import { attributionFor } from './link-attribution.js'
import { corpusText } from './test-helpers.js'

// test/corpus/irgc-salami-interview: "Salami also said that the Palestinians have managed to level up
// their fighting …", and the relayed "He said that the Supreme Leader has noted that Iran will stand …".
const TEXT = corpusText('irgc-salami-interview')

function attribution(
  id: `a${number}`,
  content: [number, number],
  parent: `a${number}` | null = null,
): Attribution {
  return {
    id,
    mode: 'indirect',
    cue: null,
    content: { start: content[0], end: content[1] },
    source: null,
    speaker: null,
    parent,
    prov: { stage: 'test', rule: 'fixed' },
  }
}

describe('attributionFor', () => {
  const outer = attribution('a1', [2459, 2546]) // "that the Supreme Leader has noted that Iran will stand …"
  const inner = attribution('a2', [2493, 2546], 'a1') // "that Iran will stand with the Palestinians to the end"
  const salami = attribution('a0', [818, 952])

  it('the offsets mark the intended phrases', () => {
    expect(TEXT.slice(818, 952)).toMatch(/^that the Palestinians have managed .* Israeli occupation$/)
    expect(TEXT.slice(2459, 2546)).toBe(
      'that the Supreme Leader has noted that Iran will stand with the Palestinians to the end',
    )
    expect(TEXT.slice(2493, 2546)).toBe('that Iran will stand with the Palestinians to the end')
  })

  it.each([
    ['inside one content', [856, 879], 'a0'], // "level up their fighting"
    ['nested speech: the innermost voice', [2498, 2546], 'a2'], // "Iran will stand with the Palestinians to the end"
    ['the outlet’s own voice', [976, 1026], null], // "no safe place has been left …" (no attribution given)
    ['mostly outside a content', [801, 830], null], // "Salami also said that the"
  ])('%s', (_, [start, end], expected) => {
    expect(attributionFor({ start: start as number, end: end as number }, [salami, outer, inner])).toBe(
      expected,
    )
  })

  it('is null with an empty attributions layer', () => {
    expect(attributionFor({ start: 856, end: 879 }, [])).toBeNull()
  })
})
