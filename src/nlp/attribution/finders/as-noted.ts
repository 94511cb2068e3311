/**
 * "As Clyburn noted, those voters will give Sanders a second look" and "…, as David Dayen noted in The
 * Intercept.": the source and cue sit in an "as" clause; the content is the rest of the sentence.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan, skipConnective } from '../content.js'
import { nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'

/** "As the International Business Times noted" — the source is a short phrase. */
const MAX_AS_CLAUSE_TOKENS = 12

/**
 * @example As Clyburn noted, voters will look again. → cue "noted", source "Clyburn", content "voters will look again"
 */
export function findAsNoted(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let a = 0; a < d.n; a++) {
    if (d.lo(a) !== 'as' || d.quoteOf[a] !== -1) continue
    const [first, end] = d.sentenceRange(a)
    const initial = a === skipConnective(d, first, end)
    if (!initial && d.lo(a - 1) !== ',') continue
    // the cue, then the end of the "as" clause: a comma (initial) or the sentence end (final)
    for (let v = a + 2; v < end && v - a <= MAX_AS_CLAUSE_TOKENS; v++) {
      if (d.isPunct(v)) break
      if (!d.verb(v) || d.lo(v).endsWith('ing')) continue
      const [g0, g1] = verbGroup(d, v)
      const np = nounPhraseBefore(d, g0 - 1, a + 1)
      if (!np || np[0] !== a + 1) break
      let close = g1 + 1
      while (close < end && !d.isPunct(close) && close - a <= MAX_AS_CLAUSE_TOKENS) close++ // "noted in The Intercept"
      const content = initial
        ? d.lo(close) === ','
          ? contentSpan(d, close + 1)
          : null
        : close >= end - 1
          ? contentSpan(d, skipConnective(d, first, a - 1), a - 1)
          : null
      if (content) {
        out.push({
          rule: 'as-noted',
          cue: d.span(g0, g1),
          content,
          source: d.span(np[0], np[1]),
          priority: PRIORITY.accordingTo,
        })
      }
      break
    }
  }
  return out
}
