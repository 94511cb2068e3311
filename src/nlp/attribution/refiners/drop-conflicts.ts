/**
 * Two finders often see the same attribution (“…,” he said is both a direct quote and a sentence-final
 * tag). Candidates conflict when their cues overlap, when their contents cross, or when one content
 * holds the other without holding its cue (nesting needs the inner cue inside the outer content).
 * The higher priority wins; on a tie the longer content, then the earlier one.
 */
import { contains, overlaps } from '../../../model/span.js'
import type { Draft } from '../candidate.js'

function conflict(a: Draft, b: Draft): boolean {
  if (a.cue && b.cue && overlaps(a.cue, b.cue)) return true
  if (!overlaps(a.content, b.content)) return false
  const aHoldsB = contains(a.content, b.content) && (b.cue === null ? false : contains(a.content, b.cue))
  const bHoldsA = contains(b.content, a.content) && (a.cue === null ? false : contains(b.content, a.cue))
  return !aHoldsB && !bHoldsA
}

function better(a: Draft, b: Draft): number {
  return (
    b.priority - a.priority ||
    b.content.end - b.content.start - (a.content.end - a.content.start) ||
    a.content.start - b.content.start
  )
}

/**
 * @example a direct-quote and a sentence-final candidate with the same cue → the direct-quote stays
 */
export function dropConflicts(drafts: readonly Draft[]): Draft[] {
  const ranked = [...drafts].sort(better)
  const kept: Draft[] = []
  for (const draft of ranked) if (!kept.some((k) => conflict(k, draft))) kept.push(draft)
  return kept
}
