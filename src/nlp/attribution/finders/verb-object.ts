/**
 * Stances and evaluations with a noun-phrase object, which PolNeAR counts as attributions: "Clinton
 * called [Trump a liar]", "The union endorsed [Clinton on Thursday]", "He accused [the media of bias]".
 * Only verbs marked `object` in the lexicon, only with a source before them, and only when nothing else
 * introduces content (no "that", colon or quotation: said-that.ts and direct-quote.ts own those).
 * Lower priority than every clause rule: it is the least precise.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentEndAfterSource, contentSpan, skipTimeAfterCue } from '../content.js'
import { nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'
import { BE_FORMS } from '../words.js'

const INTRODUCERS = new Set(['that', 'whether', 'if', ':', ',', '.', ';', 'to'])
/**
 * Which forms count. Base and -s forms of most of these verbs are far more often nouns ("support",
 * "attacks", "questions", "calls"), so past forms only, plus the -s form of verbs whose plural noun is
 * rare (not "shows": TV shows). Lemmas left out had content-match precision under 40% on PolNeAR train (pledged to, backed,
 * wanted, found, favored, embraced, welcomed, expected, estimated, challenged, sought).
 */
const PAST_ONLY_EXCLUDED = new Set([
  'pledge',
  'back',
  'want',
  'find',
  'favor',
  'favour',
  'embrace',
  'welcome',
  'expect',
  'estimate',
  'challenge',
  'request',
  'seek',
])
const THIRD_PERSON_OK = new Set([
  'describe',
  'accuse',
  'slam',
  'cite',
  'tout',
  'praise',
  'blame',
  'criticize',
  'criticise',
  'mock',
  'decry',
  'lament',
  'reiterate',
  'admit',
  'predict',
  'defend',
  'dismiss',
  'blast',
  'propose',
  'suggest',
  'urge',
  'reject',
  'deny',
  'endorse',
])
/** Subjects that "show" something in news: polls, studies, data. */
const EVIDENCE_NOUNS = new Set([
  'poll',
  'polls',
  'survey',
  'surveys',
  'study',
  'studies',
  'data',
  'report',
  'reports',
  'analysis',
  'research',
  'figures',
  'numbers',
  'records',
  'record',
  'documents',
  'results',
  'statistics',
  'review',
  'audit',
  'footage',
  'video',
  'videos',
  'emails',
  'evidence',
  'filings',
  'returns',
])
const PAST = /(?:ed|shown)$/
/**
 * Words an object never starts with: the verb is intransitive here ("the rating has declined slightly from
 * 58 percent", "fell by 5 percent", "rose in May"), or the object comes later than this finder reads.
 */
const NO_OBJECT_START = new Set([
  'from',
  'by',
  'in',
  'on',
  'at',
  'since',
  'over',
  'under',
  'after',
  'before',
  'during',
  'into',
  'through',
  'across',
  'again',
  'further',
])
const ADVERB = /^[a-z]+ly$/

/**
 * @example The union endorsed Clinton. → cue "endorsed", source "The union", content "Clinton"
 */
export function findVerbObjects(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let v = 0; v < d.n; v++) {
    const verb = d.verb(v)
    if (!verb?.object) continue
    const w = d.lo(v)
    if (w.endsWith('ing') || d.lo(v - 1) === 'to' || PAST_ONLY_EXCLUDED.has(verb.lemma)) continue
    const past = PAST.test(w) && w !== verb.lemma
    const thirdPerson =
      w.endsWith('s') && w !== verb.lemma && (THIRD_PERSON_OK.has(verb.lemma) || verb.lemma === 'show')
    // "polls show …": the plural-subject form of "show" too (its subject is checked below)
    if (!past && !thirdPerson && !(verb.lemma === 'show' && w === 'show')) continue
    const [sentenceStart] = d.sentenceRange(v)
    const [g0, g1] = verbGroup(d, v)
    // a passive ("was endorsed by") turns the object into the subject: not this pattern
    if (g0 < v && BE_FORMS.has(d.lo(v - 1))) continue
    const k = skipTimeAfterCue(d, g1 + 1)
    if (INTRODUCERS.has(d.lo(k)) || d.isQuoteMark(k) || d.isPunct(k)) continue
    if (NO_OBJECT_START.has(d.lo(k)) || (ADVERB.test(d.lo(k)) && !d.isCapitalized(k))) continue
    const np = nounPhraseBefore(d, g0 - 1, sentenceStart)
    if (!np) continue
    // "the poll shows …", not "British shows nominated": "show" needs evidence for a subject
    if (verb.lemma === 'show' && !EVIDENCE_NOUNS.has(d.lo(np[1]))) continue
    const content = contentSpan(d, k, contentEndAfterSource(d, np[0], k))
    if (!content) continue
    out.push({
      rule: 'verb-object',
      cue: d.span(g0, g1),
      content,
      source: d.span(np[0], np[1]),
      priority: PRIORITY.verbObject,
    })
  }
  return out
}
