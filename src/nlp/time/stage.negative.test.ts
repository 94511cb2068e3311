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

// Texts that must yield no time expression at all.
const NEGATIVES: string[] = [
  'Shares of the company fell 12.53% in heavy trading.',
  'British Prime Minister Theresa May met the delegation.',
  'Thousands of protesters march through the city centre, they march to the parliament.',
  'Protesters will march on the capital.',
  'For more information call 555-1234 or 202-555-0147.',
  'The storm left 1,000 people homeless.',
  'Barcelona beat Madrid 3-1 in the final.',
  'The club sold 2000 shoes to its members.',
  'The Boeing 747 landed safely.',
  'You may want to check the rules, he said, and it may be too late.',
  'The august institution rejected the appeal.',
  'The index rose to 2150.35 points.',
  'A quarter of the voters stayed home.',
  'He was 52 years old.',
  'The company declared a quarterly dividend of 5 cents a share.',
  'Jan Smith and Sept Jones wrote the report.',
  'Leaves fall in the park and the spring in the mattress broke.',
  "Mr Balls told BBC Radio 4's Today programme that rates would rise.",
  // a discourse marker, not a time (TBAQ NYT19981026.0446)
  'Now, Ms. Conlin said, it will have an impact.',
]

describe('timeStage negatives', () => {
  it.each(NEGATIVES)('finds nothing in: %s', (text) => {
    expect(timesOf(text, '2022-09-01').map((t) => t.surface)).toEqual([])
  })
})
