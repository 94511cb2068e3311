/**
 * Indirect speech with the source before the cue: "X said (that) …", "X told Y (that) …",
 * "X noted/added/stressed/warned/claimed/believes that …", "X asked whether …", "X said: …",
 * "He added, Hezbollah is …". Agentless passives ("It was reported that …") get no source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'
import { nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'
import { BE_FORMS, CLAUSE_OPENERS, NP_OPENERS } from '../words.js'

/** How far a hearer may stretch before "that": "told the Associated Press in an interview that". */
const MAX_HEARER_TOKENS = 8
const COMPLEMENTISERS = new Set(['that', 'whether', 'if'])

export function findSaidThat(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let v = 0; v < d.n; v++) {
    const verb = d.verb(v)
    if (!verb) continue
    const w = d.lo(v)
    const prev = d.lo(v - 1)
    // "the report said" has the verb; "a report" / "his claims" are nouns; "to say" is not a finite cue
    if (NP_OPENERS.has(prev) || prev === 'to') continue
    if (w.endsWith('ing') && !BE_FORMS.has(prev)) continue
    const [sentenceStart, sentenceEnd] = d.sentenceRange(v)
    const [g0, g1] = verbGroup(d, v)
    let cueEnd = g1
    let first = -1
    const k = g1 + 1
    if (k >= sentenceEnd) continue
    const next = d.lo(k)
    if (verb.frame === 'tell' && !COMPLEMENTISERS.has(next) && next !== ':') {
      first = afterHearer(d, k, sentenceEnd)
    } else if (COMPLEMENTISERS.has(next) || d.isQuoteMark(k)) {
      first = k
    } else if (next === ':') {
      cueEnd = k
      first = k + 1
    } else if (next === ',' && verb.frame === 'say') {
      // "He added, Hezbollah is …" — not the ", he added, …" aside (comma before the source)
      if (d.lo(g0 - 2) === ',' || d.lo(g0 - 1) === ',') continue
      if (startsClause(d, k + 1)) first = k + 1
    } else if (verb.frame === 'say' && startsClause(d, k)) {
      first = k
    }
    if (first < 0) continue
    const np = nounPhraseBefore(d, g0 - 1, sentenceStart)
    // "…,” said Sen. Jane Roe": an inverted tag (sentence-final.ts, direct-quote.ts), not content
    if (!np && d.isCapitalized(first) && !CLAUSE_OPENERS.has(d.lo(first))) continue
    const content = contentSpan(d, first)
    if (!content || d.tokenFrom(content.end) - first < 2) continue
    // "It was reported that …": expletive subject of a passive is no source (PolNeAR guidelines p. 12)
    const passive = g0 < v && BE_FORMS.has(d.lo(v - 1))
    const agentless =
      passive && np !== null && np[0] === np[1] && (d.lo(np[0]) === 'it' || d.lo(np[0]) === 'there')
    out.push({
      rule: next === ':' ? 'said-colon' : 'said-that',
      cue: d.span(g0, cueEnd),
      content,
      source: np && !agentless ? d.span(np[0], np[1]) : null,
      priority: PRIORITY.saidThat,
    })
  }
  return out
}

/** Content start after a hearer ("told reporters that", "told CNN he would"), or -1. */
function afterHearer(d: AttributionDoc, from: number, sentenceEnd: number): number {
  for (let i = from; i < sentenceEnd && i - from < MAX_HEARER_TOKENS; i++) {
    const w = d.lo(i)
    if (COMPLEMENTISERS.has(w)) return i
    if (w === ':') return i + 1
    if (d.isQuoteMark(i)) return i
    if (i > from && (w === 'he' || w === 'she' || w === 'they' || w === 'we' || w === 'i' || w === 'it'))
      return i
    if (w === 'to' || w === ',' || w === ';' || w === '.') return -1
  }
  return -1
}

/** Whether token i can open a bare content clause ("said the war is over", "said Iran will"). */
function startsClause(d: AttributionDoc, i: number): boolean {
  const w = d.lo(i)
  if (CLAUSE_OPENERS.has(w)) return true
  if (d.isQuoteMark(i)) return true
  return d.isWord(i) && d.isCapitalized(i) && !d.verb(i)
}
