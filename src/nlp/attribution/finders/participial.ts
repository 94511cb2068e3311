/**
 * Participial attributions after the main clause: "Salami referred to …, saying that …", "He noted …,
 * adding that …". The speaker is the main clause's: refiners/link-main-clause.ts copies the source of
 * the attribution before it in the sentence; when there is none, the sentence's subject is the source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'
import { verbGroup } from '../verb-group.js'
import { CLAUSE_OPENERS, NP_BREAKERS, NP_OPENERS, PARTICIPIAL_MARKERS, VERB_GROUP_LEFT } from '../words.js'

const COMPLEMENTISERS = new Set(['that', 'whether', 'if'])
/** "telling reporters that": the hearer before the complementiser. */
const MAX_HEARER_TOKENS = 5
/** A subject longer than this is probably not one. */
const MAX_SUBJECT_TOKENS = 10
const PAST_FORM = /^[a-z]+ed$/
const SENTENCE_PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'since',
  'for',
  'with',
  'by',
  'from',
  'as',
  'while',
  'when',
])

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

/**
 * The noun phrase that opens the sentence ("Salami", "The company", "Iran's foreign minister"): a
 * determiner or names, then words up to the first verb-like word (auxiliary, -ed form, reporting verb).
 */
export function sentenceSubject(d: AttributionDoc, from: number, limit: number): [number, number] | null {
  let start = from
  // "In August, several groups sued …": the subject follows an opening prepositional phrase
  if (SENTENCE_PREPOSITIONS.has(d.lo(start))) {
    while (start < limit && d.lo(start) !== ',') start++
    start++
  }
  let last = start - 1
  for (let i = start; i < limit && i - start < MAX_SUBJECT_TOKENS; i++) {
    const w = d.lo(i)
    if (!d.isWord(i)) break
    if (i > start && (NP_BREAKERS.has(w) || VERB_GROUP_LEFT.has(w) || d.verb(i))) break
    if (!d.isCapitalized(i) && PAST_FORM.test(w)) break
    if (i > start && NP_OPENERS.has(w)) break
    last = i
    // a lower-case word after a name is the verb: "Salami referred", "Trump slammed"
    if (i + 1 < limit && d.isCapitalized(i) && !d.isCapitalized(i + 1) && !NP_OPENERS.has(d.lo(start))) break
  }
  return last >= start ? [start, last] : null
}
