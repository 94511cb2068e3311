import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bilouLabelNames, decodeBilou, encodeBilou, type TokenSpan } from './bilou.js'

describe('bilou', () => {
  it('names labels O, B-, I-, L-, U- per type', () => {
    expect(bilouLabelNames(['PER', 'ORG'])).toEqual([
      'O',
      'B-PER',
      'I-PER',
      'L-PER',
      'U-PER',
      'B-ORG',
      'I-ORG',
      'L-ORG',
      'U-ORG',
    ])
  })

  it.each([
    // "Major General Hossein Salami said": B-PER L-PER on units 2..3
    [[0, 0, 1, 3, 0], [{ start: 2, end: 4, type: 0 }]],
    // a dangling B closes as a one-unit span; an I with no open span opens one
    [
      [1, 0, 2, 3],
      [
        { start: 0, end: 1, type: 0 },
        { start: 2, end: 4, type: 0 },
      ],
    ],
    // an I/L right after a span continues it, with the continuing label's type ("Texas Open")
    [[1, 6, 7], [{ start: 0, end: 3, type: 1 }]],
    [[4, 3, 0], [{ start: 0, end: 2, type: 0 }]],
    // a new B or U right after a span starts a new span
    [
      [4, 8],
      [
        { start: 0, end: 1, type: 0 },
        { start: 1, end: 2, type: 1 },
      ],
    ],
  ])('decodes %j with repairs', (labels, spans) => {
    expect(decodeBilou(labels)).toEqual(spans)
  })

  it('round-trips non-overlapping spans', () => {
    const spansArb = fc
      .array(
        fc.tuple(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 3 }),
        ),
        {
          maxLength: 6,
        },
      )
      .map((parts) => {
        const spans: TokenSpan[] = []
        let at = 0
        for (const [length, gap, type] of parts) {
          at += gap
          spans.push({ start: at, end: at + length, type })
          at += length + 1
        }
        return { spans, length: at }
      })
    fc.assert(
      fc.property(spansArb, ({ spans, length }) => {
        expect(decodeBilou(encodeBilou(length, spans))).toEqual(spans)
      }),
    )
  })
})
