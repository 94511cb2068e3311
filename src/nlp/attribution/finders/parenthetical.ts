/**
 * A tag inside the sentence: "Today, he added, fighting … is not limited …" / "That means, he added, no
 * safe place …". The content is discontinuous (the sentence minus the tag); the layer stores the
 * covering span, so the content is the whole sentence without its final period (see README).
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan, skipConnective } from '../content.js'
import { nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'

/**
 * @example Today, he added, fighting is not limited. → cue "added", source "he", content the whole sentence
 */
export function findParentheticals(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let v = 0; v < d.n; v++) {
    if (!d.verb(v) || d.lo(v).endsWith('ing')) continue
    const [first, end] = d.sentenceRange(v)
    const [g0, g1] = verbGroup(d, v)
    if (d.lo(g1 + 1) !== ',' || g1 + 2 >= end - 1) continue
    const np = nounPhraseBefore(d, g0 - 1, first)
    if (!np || np[0] - 1 <= first || d.lo(np[0] - 1) !== ',') continue
    // “A,” he said, “B.” is a split quotation (direct-quote.ts)
    if (d.isQuoteMark(np[0] - 2) || d.isQuoteMark(g1 + 2)) continue
    const content = contentSpan(d, skipConnective(d, first, end), end)
    if (!content) continue
    out.push({
      rule: 'parenthetical',
      cue: d.span(g0, g1),
      content,
      source: d.span(np[0], np[1]),
      priority: PRIORITY.parenthetical,
    })
  }
  return out
}
