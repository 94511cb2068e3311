import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import type { TimeExpr } from '../../model/layers.js'
import { tokensStage } from '../tokens/stage.js'
import { timeStage } from './stage.js'

const pipeline = createPipeline([tokensStage, timeStage])

/** Times of a text with their surfaces (tests only: the time stage itself never imports the tokens stage). */
function timesOf(text: string, published: string | null): Array<TimeExpr & { surface: string }> {
  return pipeline
    .run({ text, meta: { published } })
    .times.map((t) => ({ ...t, surface: text.slice(t.start, t.end) }))
}

const NEWSY = fc.constantFrom(
  'On Tuesday',
  ' the next day',
  ' since early 2022',
  ' 3 p.m.',
  ' last week',
  ' May',
  ' 1,000 people',
  ' 12.53%',
  ' two years ago',
  ' the 1990s',
  " the '80s",
  ' every week',
  ' Q3 2021',
  ' 😀',
  ' é',
  '.',
  '\n',
)

describe('timeStage properties', () => {
  it('returns valid, sorted, non-overlapping spans with ids t1…tN for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.array(NEWSY, { maxLength: 20 }).map((a) => a.join('')),
        ),
        fc.constantFrom('2022-09-01', null, '1999-12-31'),
        (text, published) => {
          const times = timesOf(text, published)
          times.forEach((t, i) => {
            expect(t.id).toBe(`t${i + 1}`)
            expect(t.start).toBeGreaterThanOrEqual(0)
            expect(t.end).toBeLessThanOrEqual(text.length)
            expect(t.start).toBeLessThan(t.end)
            if (i > 0) expect((times[i - 1]?.end ?? 0) <= t.start).toBe(true)
            // Unknown publication date: nothing is filled in from it (text-internal anchors may still apply).
            if (published === null) expect(t.prov.rule.endsWith('@published')).toBe(false)
            if (t.prov.rule.endsWith('@unknown') || t.prov.rule.endsWith('@none'))
              expect(t.implied).toEqual({})
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('is deterministic', () => {
    const text = 'On Tuesday, the army said it would withdraw in August; the next day talks resumed at 3 p.m.'
    expect(JSON.stringify(timesOf(text, '2022-09-01'))).toBe(JSON.stringify(timesOf(text, '2022-09-01')))
  })
})
