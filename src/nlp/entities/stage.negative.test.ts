import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { entitiesStage } from './stage.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

describe('entitiesStage (negative)', () => {
  it.each([
    'That means, he added, no safe place has been left for the regime.',
    'He noted that the regime is collapsing and it is rapidly losing its power.',
    'Shares fell 12.53% on the day, and the index closed lower for a third week.',
    'They would have intervened as well if it had been necessary, he said.',
    '',
  ])('finds no mention in %j', (text) => {
    expect(pipeline.run({ text }).mentions).toEqual([])
  })
})
