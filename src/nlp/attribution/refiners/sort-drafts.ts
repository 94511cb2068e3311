/** Layer order: content start ascending, end descending, then cue start; the refiners after it link by index. */
import { compareSpans } from '../../../model/span.js'
import type { Draft } from '../candidate.js'

/**
 * @example drafts at [10,20) and [0,30) → [0,30) first
 */
export function sortDrafts(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort(
    (a, b) => compareSpans(a.content, b.content) || (a.cue?.start ?? -1) - (b.cue?.start ?? -1),
  )
}
