/**
 * Mode from quotation regions, as PolNeAR derived it from quote marks: `direct` when the content opens
 * with a quotation and closes with one (a split quotation with its tag inside still counts), `mixed`
 * when a quotation is only part of it, `indirect` when it holds none.
 */
import { overlaps } from '../../../model/span.js'
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

/**
 * @example content “We won,” → direct; that the deal was “a disaster” → mixed
 */
export function assignMode(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => {
    const { start, end } = draft.content
    const opens = d.quotes.some((q) => q.start === start)
    const closes = d.quotes.some((q) => q.end === end)
    const mode =
      opens && closes ? 'direct' : d.quotes.some((q) => overlaps(q, draft.content)) ? 'mixed' : 'indirect'
    return { ...draft, mode }
  })
}
