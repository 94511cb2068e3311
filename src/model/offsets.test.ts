import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointToUtf16, utf16ToCodePoint } from './offsets.js'

/** Strings with astral characters, lone surrogates of both halves, and plain text. */
const anyString = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('a', ' ', '😀', '👨‍👩‍👧', 'é', 'تهران'),
  ),
  maxLength: 40,
})

/** True when offset `i` of `s` falls between the halves of a surrogate pair. */
function insidePair(s: string, i: number): boolean {
  const before = s.charCodeAt(i - 1)
  const at = s.charCodeAt(i)
  return i > 0 && i < s.length && before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff
}

describe('offsets', () => {
  it.each<[string, number, number]>([
    ['Salami', 3, 3],
    ['😀a', 2, 1],
    ['a😀b', 3, 2],
    ['a😀b', 4, 3],
    ['🇮🇷 Iran', 5, 3],
    ['\uD83Da', 1, 1],
    ['\uD83Da', 2, 2],
    ['a\uDE00b', 2, 2],
  ])('%j: UTF-16 %i ↔ code point %i', (text, utf16, codePoint) => {
    expect(utf16ToCodePoint(text, utf16)).toBe(codePoint)
    expect(codePointToUtf16(text, codePoint)).toBe(utf16)
  })

  it('counts code points as Array.from does, lone surrogates included', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(utf16ToCodePoint(s, s.length)).toBe(Array.from(s).length)
      }),
      { numRuns: 300 },
    )
  })

  it('round-trips every UTF-16 offset that is not inside a surrogate pair', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), (s, n) => {
        const i = n % (s.length + 1)
        fc.pre(!insidePair(s, i))
        expect(codePointToUtf16(s, utf16ToCodePoint(s, i))).toBe(i)
      }),
      { numRuns: 300 },
    )
  })

  it('round-trips every code-point offset (fromCodePoints ∘ toCodePoints is the identity)', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), (s, n) => {
        const cp = n % (Array.from(s).length + 1)
        const utf16 = codePointToUtf16(s, cp)
        expect(utf16ToCodePoint(s, utf16)).toBe(cp)
        // the converted offset slices the same prefix as the code points do
        expect(s.slice(0, utf16)).toBe(Array.from(s).slice(0, cp).join(''))
      }),
      { numRuns: 300 },
    )
  })

  it('converts spans so the surface survives (dataset import and export)', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.nat(), (s, a, b) => {
        const points = Array.from(s)
        const start = a % (points.length + 1)
        const end = start + (b % (points.length - start + 1))
        const surface = points.slice(start, end).join('')
        const u16 = { start: codePointToUtf16(s, start), end: codePointToUtf16(s, end) }
        expect(s.slice(u16.start, u16.end)).toBe(surface)
        expect([utf16ToCodePoint(s, u16.start), utf16ToCodePoint(s, u16.end)]).toEqual([start, end])
      }),
      { numRuns: 300 },
    )
  })

  it('clamps offsets past the end', () => {
    expect(codePointToUtf16('a😀', 10)).toBe(3)
    expect(utf16ToCodePoint('a😀', 10)).toBe(2)
  })
})
