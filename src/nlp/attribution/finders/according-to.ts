/**
 * "According to X, …" (sentence-initial, or opening a clause: "Police said that according to witnesses,
 * the man fled") and "…, according to X." (final): cue "according to", the source is the phrase after
 * it, and the content is the rest of the sentence (or of the clause), without the cue. Set off by commas
 * inside a clause ("the council, according to police, arrested 40 people"), the content is the clause
 * around it.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { accordingToAsideEnd, contentSpan, skipConnective } from '../content.js'

/** Words after which "according to X," opens a clause of its own rather than closing the one before. */
const CLAUSE_OPENERS = new Set(['that', 'but', 'and', 'because', 'while', ':', ';'])

/**
 * @example According to police, the suspect fled. → cue "According to", source "police", content "the suspect fled"
 */
export function findAccordingTo(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let a = 0; a + 1 < d.n; a++) {
    if (d.lo(a) !== 'according' || d.lo(a + 1) !== 'to' || d.quoteOf[a] !== -1) continue
    const [first, end] = d.sentenceRange(a)
    // the source runs to the next comma or the sentence end
    let srcLast = a + 1
    let k = a + 2
    while (k < end && d.lo(k) !== ',' && !(k === end - 1 && d.isPunct(k))) srcLast = k++
    if (srcLast === a + 1) continue
    let content
    const opensClause = a > first && CLAUSE_OPENERS.has(d.lo(a - 1)) && d.lo(k) === ','
    if (a === first || (a === first + 1 && d.isPunct(first)) || opensClause) {
      // "According to Yonhap, quoting KCNA, the military …": skip the quoting aside
      let from = k + 1
      if (d.lo(from).endsWith('ing')) {
        let c = from
        while (c < end && d.lo(c) !== ',') c++
        if (c < end - 1) from = c + 1
      }
      content = d.lo(k) === ',' ? contentSpan(d, from, end) : null
    } else if (d.lo(a - 1) === ',' && accordingToAsideEnd(d, a - 1, end) >= 0) {
      // "… that the council, according to police, arrested 40 people": the clause around the aside
      // (PolNeAR's covering span of a discontinuous content)
      let from = first
      for (let c = a - 2; c > first; c--) {
        if (CLAUSE_OPENERS.has(d.lo(c))) {
          from = c + 1
          break
        }
      }
      content = contentSpan(d, skipConnective(d, from, end), end)
    } else {
      const before = d.lo(a - 1) === ',' ? a - 1 : a
      content = contentSpan(d, skipConnective(d, first, before), before)
    }
    if (!content) continue
    out.push({
      rule: 'according-to',
      cue: d.span(a, a + 1),
      content,
      source: d.span(a + 2, srcLast),
      priority: PRIORITY.accordingTo,
    })
  }
  return out
}
