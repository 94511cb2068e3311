/**
 * A source is a noun phrase or a pronoun. Finders that guess the source from words and distance (the
 * learned span model above all) sometimes hand over an auxiliary left on its edge ("Mr. Quiros was",
 * "who has been", "And I") or no noun phrase at all ("not", ",", "is", "publicly"). The edges are trimmed;
 * a source with no word that can stand in a noun phrase is no source (null), so no speaker is built from it.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'
import { nounPhraseBefore } from '../noun-phrase.js'
import { NP_BREAKERS, NP_OPENERS, PERSON_ROLE_NOUNS, SUBJECT_PRONOUNS, VERB_GROUP_LEFT } from '../words.js'

/** Words a source never ends in: auxiliaries, negation, conjunctions ("secretary and", "he was"). */
const NO_RIGHT_EDGE = new Set([
  ...VERB_GROUP_LEFT,
  'and',
  'or',
  'but',
  'to',
  'by',
  'of',
  'for',
  'with',
  'a',
  'an',
  'the',
])
/** Words a source never starts with: conjunctions and sentence adverbs ("And I", "But Mr. King"). */
const NO_LEFT_EDGE = new Set(['and', 'but', 'or', 'so', 'yet', 'then', 'also', 'still', 'now', 'by'])
/** Words that cannot carry a source on their own: determiners, prepositions, contracted auxiliaries. */
const EMPTY_WORDS = new Set([
  ...NP_BREAKERS,
  ...VERB_GROUP_LEFT,
  'a',
  'an',
  'the',
  'by',
  'of',
  'for',
  've',
  "'ve",
  'll',
  "'ll",
  're',
  "'re",
  'd',
  "'d",
  's',
  "'s",
])
const ADVERB = /^[a-z]+ly$/
/** Adjective endings: a lone lower-case adjective ("needless", "financial", "lengthy") is a cut noun phrase, not a source. */
const ADJECTIVE = /(?:al|less|ous|ful|ic|ible|able|ive|long|time|y)$/
const SENTENCE_ADVERBS = new Set([
  'perhaps',
  'maybe',
  'almost',
  'nearly',
  'together',
  'without',
  'within',
  'generally',
])

/** Whether token i can carry a source: a pronoun, or a word that is neither a function word nor an adverb. */
function carriesSource(d: AttributionDoc, i: number): boolean {
  if (!d.isWord(i)) return false
  const w = d.lo(i)
  if (SUBJECT_PRONOUNS.has(w)) return true
  if (EMPTY_WORDS.has(w) || SENTENCE_ADVERBS.has(w)) return false
  return !ADVERB.test(w) || d.isCapitalized(i)
}

/** Lone words that modify a noun the cut left out ("the former", "the recent", "less"). */
const LONE_MODIFIERS = new Set(
  'recent former latter best worst less more most latest new old last next first same such own prompting'.split(
    ' ',
  ),
)

function loneAdjective(d: AttributionDoc, i: number): boolean {
  const w = d.lo(i)
  // a lone -ing form ("prompting", "including") is a participle, not a speaker
  if (LONE_MODIFIERS.has(w) || (w.endsWith('ing') && w.length > 5 && !d.isCapitalized(i))) return true
  return (
    ADJECTIVE.test(w) &&
    !PERSON_ROLE_NOUNS.has(w) &&
    !SUBJECT_PRONOUNS.has(w) &&
    !NP_OPENERS.has(w) &&
    !d.isCapitalized(i)
  )
}

/** Past participles: "-ed" forms and common irregular ones ("given", "shown", "released"). */
const PARTICIPLE = /^[a-z]+ed$/
const IRREGULAR_PARTICIPLES = new Set(
  'given shown known seen written taken made found held put set sent spent told brought'.split(' '),
)
/** Words between a noun and the participle that modifies it: "figures (to be) published", "data (that were) released". */
const PASSIVE_CHAIN = new Set(['to', 'be', 'been', 'being', 'is', 'are', 'was', 'were', 'that', 'which'])

/**
 * A source that starts with a lower-case participle right after "to be", "were", "that" … is the tail of
 * a noun phrase the cut left out: in "Figures to be published today show a record …" the span model
 * took "published today". The noun before the chain is the source ("Figures"); with none, there is no
 * source. Only after such a chain: "retired general", "unnamed sources" are sources as they stand.
 *
 * @returns the noun phrase's range, null for no source, or undefined when the source is no such phrase
 */
function participleSource(d: AttributionDoc, first: number): [number, number] | null | undefined {
  const w = d.lo(first)
  if (d.isCapitalized(first) || !(PARTICIPLE.test(w) || IRREGULAR_PARTICIPLES.has(w))) return undefined
  const [sentenceFirst] = d.sentenceRange(first)
  let head = first - 1
  while (head >= sentenceFirst && PASSIVE_CHAIN.has(d.lo(head))) head--
  if (head === first - 1) return undefined
  if (head < sentenceFirst || !d.isWord(head)) return null
  return nounPhraseBefore(d, head, sentenceFirst)
}

/**
 * @example a learned source "Mr. Quiros was" → "Mr. Quiros"; a learned source "not" → null;
 * "Figures to be published today show …": a learned source "published today" → "Figures"
 */
export function cleanSources(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => {
    if (!draft.source) return draft
    const first0 = d.tokenFrom(draft.source.start)
    // the common source is one word: a pronoun or a name needs no trimming
    if (
      d.ends[first0] === draft.source.end &&
      (SUBJECT_PRONOUNS.has(d.lo(first0)) || (d.isCapitalized(first0) && !EMPTY_WORDS.has(d.lo(first0))))
    )
      return draft
    const last0 = d.tokenFrom(draft.source.end) - 1
    let first = first0
    let last = last0
    while (first < last && (NO_LEFT_EDGE.has(d.lo(first)) || (d.isPunct(first) && !d.isQuoteMark(first))))
      first++
    while (
      last > first &&
      (NO_RIGHT_EDGE.has(d.lo(last)) ||
        SENTENCE_ADVERBS.has(d.lo(last)) ||
        (ADVERB.test(d.lo(last)) && !d.isCapitalized(last)))
    )
      last--
    const participle = participleSource(d, first)
    if (participle !== undefined)
      return { ...draft, source: participle && d.span(participle[0], participle[1]) }
    if (first === last && loneAdjective(d, first)) return { ...draft, source: null }
    let carried = false
    for (let i = first; i <= last && !carried; i++) carried = carriesSource(d, i)
    if (!carried) return { ...draft, source: null }
    if (first === first0 && last === last0) return draft
    return { ...draft, source: d.span(first, last) }
  })
}
