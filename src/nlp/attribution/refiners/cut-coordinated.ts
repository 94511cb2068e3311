/**
 * A content ends where a coordinated clause with its own source and cue begins: in "Obama emphasized that
 * Burma's reforms were not complete, and human rights groups warned that …" Obama's content is "that
 * Burma's reforms were not complete", and the groups' attribution is a sibling, not something Obama said.
 * PolNeAR marks such contents to the clause boundary. Only a ", and" / ", but" / ";" right before the
 * other attribution's source counts, and only for contents that are no quotation (a quotation is its own span).
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas'])

/** The token index of the boundary before a source starting at token `s`: the comma or semicolon, or -1. */
function boundaryBefore(d: AttributionDoc, s: number): number {
  const w = d.lo(s - 1)
  if (w === ';') return s - 1
  if (CONJUNCTIONS.has(w) && d.lo(s - 2) === ',') return s - 2
  return -1
}

/**
 * @example "X emphasized that A, and Y warned that B": X's content "that A, and Y warned that B" → "that A"
 */
export function cutCoordinated(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => {
    const { content } = draft
    if (!draft.cue || content.start < draft.cue.end || d.isQuoteMark(d.tokenFrom(content.start))) return draft
    let end = content.end
    for (const other of drafts) {
      if (other === draft || !other.source || !other.cue || other.cue.start < other.source.end) continue
      if (other.source.start <= content.start || other.source.start >= end) continue
      const boundary = boundaryBefore(d, d.tokenFrom(other.source.start))
      if (boundary < 0) continue
      const last = boundary - 1
      if (last < 0 || (d.ends[last] as number) <= content.start) continue
      end = d.ends[last] as number
    }
    return end === content.end ? draft : { ...draft, content: { start: content.start, end } }
  })
}
