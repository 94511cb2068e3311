/**
 * Findings introduced by the poll or study that reports them: "In the most recent YouGov/Economist
 * survey, 71 percent of Sanders supporters approved of Obama". PolNeAR marks "In" as the cue and the
 * poll as the source; only evidence heads (poll, survey, study, …) count, so "In the fall of 2007, …"
 * is not one.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'

const EVIDENCE_HEADS = new Set([
  'poll',
  'polls',
  'survey',
  'surveys',
  'study',
  'report',
  'analysis',
  'census',
])
/** How long the phrase between "In" and its comma may be ("an NBC News/Wall Street Journal poll released Monday"). */
const MAX_PHRASE_TOKENS = 14

/**
 * @example In a CNN poll, Clinton leads by 10 points. → cue "In", source "a CNN poll", content "Clinton leads by 10 points"
 */
export function findInPoll(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let s = 0; s < d.n; s++) {
    if (d.lo(s) !== 'in' || d.sentenceRange(s)[0] !== s) continue
    const sentenceEnd = d.sentenceRange(s)[1]
    let comma = -1
    let evidence = false
    for (let i = s + 1; i < sentenceEnd && i - s <= MAX_PHRASE_TOKENS; i++) {
      if (d.lo(i) === ',') {
        comma = i
        break
      }
      if (d.isQuoteMark(i) || (d.isPunct(i) && d.tok(i) !== '/' && d.tok(i) !== '-')) break
      if (EVIDENCE_HEADS.has(d.lo(i))) evidence = true
    }
    if (comma < 0 || !evidence || comma === s + 1) continue
    const content = contentSpan(d, comma + 1)
    if (!content || d.tokenFrom(content.end) - comma < 3) continue
    out.push({
      rule: 'in-poll',
      cue: d.span(s, s),
      content,
      source: d.span(s + 1, comma - 1),
      priority: PRIORITY.accordingTo,
    })
  }
  return out
}
