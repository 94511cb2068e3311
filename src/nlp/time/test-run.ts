/** Test helper: runs the tokens and time stages on one text and returns the times with their surfaces. */
import { createPipeline } from '../../pipeline/pipeline.js'
import type { TimeExpr } from '../../model/layers.js'
import { tokensStage } from '../tokens/stage.js'
import { timeStage } from './stage.js'

const pipeline = createPipeline([tokensStage, timeStage])

/**
 * Times of a text with their surfaces, for table tests.
 *
 * @example timesOf('He left yesterday.', '2022-09-01')[0]?.surface // 'yesterday'
 */
export function timesOf(text: string, published: string | null): Array<TimeExpr & { surface: string }> {
  return pipeline
    .run({ text, meta: { published } })
    .times.map((t) => ({ ...t, surface: text.slice(t.start, t.end) }))
}
