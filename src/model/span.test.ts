import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareSpans,
  contains,
  makeSpan,
  overlapLength,
  overlaps,
  spanProblem,
  trimSpan,
  type Span,
} from './span.js'

const TEXT = 'Major General Hossein Salami said 😀 that'

describe('spanProblem', () => {
  it.each<[string, Span, string | null]>([
    [TEXT, { start: 14, end: 28 }, null],
    [TEXT, { start: 34, end: 36 }, null],
    [TEXT, { start: 0, end: TEXT.length }, null],
    [TEXT, { start: 35, end: 36 }, 'start 35 splits a surrogate pair'],
    [TEXT, { start: 34, end: 35 }, 'end 35 splits a surrogate pair'],
    [TEXT, { start: 5, end: 5 }, '[5, 5) is empty or reversed'],
    [TEXT, { start: 6, end: 5 }, '[6, 5) is empty or reversed'],
    [TEXT, { start: -1, end: 5 }, `[-1, 5) lies outside [0, ${TEXT.length}]`],
    [TEXT, { start: 0, end: TEXT.length + 1 }, `[0, ${TEXT.length + 1}) lies outside [0, ${TEXT.length}]`],
    [TEXT, { start: 0.5, end: 3 }, 'offsets must be integers'],
    // a lone surrogate is a character of its own: cutting next to it splits nothing
    ['\u0000\uDC00', { start: 0, end: 1 }, null],
    ['a\uD83Db', { start: 0, end: 2 }, null],
  ])('%j %j → %s', (text, span, problem) => {
    expect(spanProblem(text, span)).toBe(problem)
  })
})

describe('makeSpan', () => {
  it('returns the span when it is valid', () => {
    expect(makeSpan(TEXT, 22, 28)).toEqual({ start: 22, end: 28 })
    expect(TEXT.slice(22, 28)).toBe('Salami')
  })

  it('throws a RangeError for a programmer error', () => {
    expect(() => makeSpan(TEXT, 35, 36)).toThrow(RangeError)
  })
})

describe('span relations', () => {
  it.each<[Span, Span, boolean, boolean, number]>([
    [{ start: 0, end: 10 }, { start: 2, end: 5 }, true, true, 3],
    [{ start: 0, end: 5 }, { start: 5, end: 9 }, false, false, 0],
    [{ start: 0, end: 6 }, { start: 5, end: 9 }, true, false, 1],
    [{ start: 3, end: 7 }, { start: 3, end: 7 }, true, true, 4],
  ])('%j and %j: overlaps %s, contains %s, shares %i', (a, b, overlap, contain, shared) => {
    expect(overlaps(a, b)).toBe(overlap)
    expect(contains(a, b)).toBe(contain)
    expect(overlapLength(a, b)).toBe(shared)
  })

  it('sorts outer before inner at the same start', () => {
    const spans: Span[] = [
      { start: 4, end: 6 },
      { start: 0, end: 3 },
      { start: 0, end: 9 },
    ]
    expect([...spans].sort(compareSpans)).toEqual([
      { start: 0, end: 9 },
      { start: 0, end: 3 },
      { start: 4, end: 6 },
    ])
  })

  const span = fc
    .tuple(fc.nat(50), fc.integer({ min: 1, max: 20 }))
    .map(([start, length]): Span => ({ start, end: start + length }))

  it('orders spans totally and consistently', () => {
    fc.assert(
      fc.property(span, span, span, (a, b, c) => {
        // antisymmetric (summing the signs avoids Object.is(0, -0) when the spans are equal)
        expect(Math.sign(compareSpans(a, b)) + Math.sign(compareSpans(b, a))).toBe(0)
        if (compareSpans(a, b) <= 0 && compareSpans(b, c) <= 0)
          expect(compareSpans(a, c)).toBeLessThanOrEqual(0)
        expect(compareSpans(a, b) === 0).toBe(a.start === b.start && a.end === b.end)
      }),
    )
  })

  it('agrees between overlaps, overlapLength and contains', () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a))
        expect(overlaps(a, b)).toBe(overlapLength(a, b) > 0)
        if (contains(a, b)) expect(overlapLength(a, b)).toBe(b.end - b.start)
        expect(contains(a, a)).toBe(true)
      }),
    )
  })
})

describe('trimSpan', () => {
  it.each<[string, Span, Span | null]>([
    [' Salami said ', { start: 0, end: 13 }, { start: 1, end: 12 }],
    ['\n\t“Go”\n', { start: 0, end: 7 }, { start: 2, end: 6 }],
    ['   ', { start: 0, end: 3 }, null],
    ['ab', { start: 0, end: 2 }, { start: 0, end: 2 }],
  ])('%j %j → %j', (text, input, expected) => {
    expect(trimSpan(text, input)).toEqual(expected)
  })

  it('returns a span inside the input with no whitespace at either edge', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '😀', '\u00a0') }),
        fc.nat(),
        fc.nat(),
        (text, x, y) => {
          const start = x % (text.length + 1)
          const end = start + (y % (text.length - start + 1))
          const trimmed = trimSpan(text, { start, end })
          if (trimmed === null) {
            expect(text.slice(start, end).trim()).toBe('')
            return
          }
          expect(trimmed.start).toBeGreaterThanOrEqual(start)
          expect(trimmed.end).toBeLessThanOrEqual(end)
          expect(text.slice(trimmed.start, trimmed.end)).toBe(text.slice(trimmed.start, trimmed.end).trim())
          expect(text.slice(trimmed.start, trimmed.end)).toBe(text.slice(start, end).trim())
        },
      ),
    )
  })
})
