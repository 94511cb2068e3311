/**
 * Participial attributions after the main clause: "Salami referred to …, saying that …", "He noted …,
 * adding that …". The speaker is the main clause's: refiners/link-main-clause.ts copies the source of
 * the attribution before it in the sentence; when there is none, the sentence's subject is the source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'
import { verbGroup } from '../verb-group.js'
import { sentenceSubject } from '../noun-phrase.js'
import { CLAUSE_OPENERS, PARTICIPIAL_MARKERS } from '../words.js'

const COMPLEMENTISERS = new Set(['that', 'whether', 'if'])
/** "telling reporters that": the hearer before the complementiser. */
const MAX_HEARER_TOKENS = 5

/**
 * @example Salami referred to Gaza, saying that the Jihad led. → cue "saying", content "that the Jihad led"
 */
export function findParticipials(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let p = 1; p < d.n; p++) {
    // ", saying that …" and "by telling them that …"
    if ((d.lo(p - 1) !== ',' && d.lo(p - 1) !== 'by') || !PARTICIPIAL_MARKERS.has(d.lo(p)) || !d.verb(p))
      continue
    const [sentenceStart, end] = d.sentenceRange(p)
    const [, g1] = verbGroup(d, p)
    let first = -1
    for (let k = g1 + 1; k < end && k - g1 <= MAX_HEARER_TOKENS; k++) {
      const w = d.lo(k)
      if (COMPLEMENTISERS.has(w) || d.isQuoteMark(k)) first = k
      else if (w === ':') first = k + 1
      else if (k === g1 + 1 && CLAUSE_OPENERS.has(w)) first = k
      if (first >= 0 || d.isPunct(k)) break
    }
    if (first < 0) continue
    const content = contentSpan(d, first)
    if (!content) continue
    const subject = sentenceSubject(d, sentenceStart, p)
    out.push({
      rule: 'participial',
      cue: d.span(p, g1),
      content,
      source: subject ? d.span(subject[0], subject[1]) : null,
      inherit: 'main-clause',
      priority: PRIORITY.participial,
    })
  }
  return out
}
