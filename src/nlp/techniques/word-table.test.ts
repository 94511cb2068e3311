import { describe, expect, it } from 'vitest'
import { hashLower, hashWord } from './lower-hash.js'
import { WordTable } from './word-table.js'

describe('hashLower', () => {
  it.each([
    ['The Zionist regime', 4, 11, 'zionist'],
    ['ZIONIST', 0, 7, 'zionist'],
    ['Iran’s', 0, 6, "iran's"],
  ])('hashes %s [%i,%i) like the lower-cased word', (text, start, end, word) => {
    expect(hashLower(text, start, end)).toBe(hashWord(word))
  })
  it('tells different words apart', () => {
    expect(hashWord('regime')).not.toBe(hashWord('regimes'))
  })
})

describe('WordTable', () => {
  it('returns stored values and 0 for unknown words', () => {
    const table = new WordTable(
      new Map([
        [hashWord('regime'), 5],
        [hashWord('resistance'), 9],
      ]),
    )
    expect(table.get(hashWord('Regime'))).toBe(5)
    expect(table.get(hashWord('resistance'))).toBe(9)
    expect(table.get(hashWord('Salami'))).toBe(0)
  })
  it('keeps every key when many collide in the low bits', () => {
    const entries = new Map(Array.from({ length: 200 }, (_, i) => [i * 1024, i + 1] as [number, number]))
    const table = new WordTable(entries)
    for (const [k, v] of entries) expect(table.get(k)).toBe(v)
  })
})
