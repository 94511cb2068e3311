/**
 * Mode from quote marks, as PolNeAR derived it: `direct` when the content opens and closes with a
 * quotation mark (a split quotation with its tag inside still counts), `mixed` when a quotation is only
 * part of it, `indirect` when it has none.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

const DOUBLE_MARK = /["“”«»„]/

export function assignMode(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => {
    const surface = d.text.slice(draft.content.start, draft.content.end)
    const opens = DOUBLE_MARK.test(surface[0] ?? '')
    const closes = DOUBLE_MARK.test(surface[surface.length - 1] ?? '')
    const mode = opens && closes ? 'direct' : DOUBLE_MARK.test(surface) ? 'mixed' : 'indirect'
    return { ...draft, mode }
  })
}
