/**
 * A speaker label and a colon at the start of a sentence: "Trump: We will build the wall." The cue is
 * the colon (PolNeAR marks it so, methods §2). The label must be a named mention of a person or an
 * organisation, so headline kickers ("Exclusive: …", "Update: …") are not speakers.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'

/** "Sen. Jane Roe" is four tokens; longer labels are headlines. */
const MAX_LABEL_TOKENS = 5

export function findColonSpeakers(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let s = 0; s < d.sentFirst.length; s++) {
    const first = d.sentFirst[s] as number
    const end = d.sentEnd[s] as number
    let colon = -1
    for (let i = first; i < end && i - first <= MAX_LABEL_TOKENS; i++) {
      if (d.lo(i) === ':') {
        colon = i
        break
      }
      if (d.isPunct(i) && d.tok(i) !== '.') break
    }
    if (colon <= first || colon + 1 >= end) continue
    const label = d.span(first, colon - 1)
    const named = d.mentions.some(
      (m) =>
        m.start === label.start &&
        m.end === label.end &&
        (m.type === 'PERSON' || m.type === 'ORG') &&
        m.kind !== 'pronoun',
    )
    if (!named) continue
    const content = contentSpan(d, colon + 1, end)
    if (!content) continue
    out.push({
      rule: 'colon-speaker',
      cue: d.span(colon, colon),
      content,
      source: label,
      priority: PRIORITY.colonSpeaker,
    })
  }
  return out
}
