/**
 * Keeps the longest of overlapping candidates (HeidelTime deletes overlapping timexes after resolution;
 * TimeML extents are maximal). Ties go to the finder listed first.
 */
import type { Candidate } from '../types.js'

/**
 * Non-overlapping candidates, sorted by start.
 *
 * @example dropOverlaps([{ start: 0, end: 4, rank: 1 }, { start: 0, end: 11, rank: 2 }] as never).length // 1
 */
export function dropOverlaps<C extends Candidate & { rank: number }>(candidates: C[]): C[] {
  const byPriority = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start,
  )
  const kept: C[] = []
  for (const c of byPriority) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c)
  }
  return kept.sort((a, b) => a.start - b.start)
}
