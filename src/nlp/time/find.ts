/**
 * Runs every finder over the text. Each regex is compiled once at module level and scans the whole text
 * once (no per-token work); finders veto their own false matches by returning null.
 */
import { FINDERS } from './finders/index.js'
import type { Candidate } from './types.js'

/**
 * All candidates of all finders, in finder order, each tagged with the finder's rank.
 *
 * @example findCandidates('It rained yesterday.').map((c) => c.rule) // ['relative:day-word']
 */
export function findCandidates(text: string): Array<Candidate & { rank: number }> {
  const out: Array<Candidate & { rank: number }> = []
  for (let rank = 0; rank < FINDERS.length; rank++) {
    const finder = FINDERS[rank] as (typeof FINDERS)[number]
    const regex = finder.regex
    regex.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = regex.exec(text)) !== null) {
      const c = finder.build(m, text)
      if (c !== null && c.end > c.start) out.push({ ...c, rank })
    }
  }
  return out
}
