/**
 * Source noun phrases without a parser: walk left (or right) from the cue over tokens that can sit
 * inside a noun phrase, and stop at words that cannot (conjunctions, auxiliaries, complementisers,
 * punctuation). Handles appositions ("Hossein Salami, the IRGC chief, said") and asides ("Cable, who
 * replaced Farron in July, said": the aside is skipped, methods §8 case 6).
 */
import type { AttributionDoc } from './attribution-doc.js'
import {
  NP_BREAKERS,
  NP_INNER_PREPOSITIONS,
  NP_OPENERS,
  PERSON_ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  VERB_GROUP_LEFT,
} from './words.js'

/** A source longer than this is more likely a clause than a noun phrase. */
const MAX_NP_TOKENS = 14
/** How far back an apposition or aside may reach. */
const MAX_ASIDE_TOKENS = 25
/** Nouns that end in -ly, so "-ly" alone does not make an adverb. */
const LY_NOUNS = new Set([
  'family',
  'ally',
  'assembly',
  'monopoly',
  'supply',
  'italy',
  'daily',
  'weekly',
  'rally',
  'bully',
  'anomaly',
])
const OBJECT_PRONOUNS = new Set(['him', 'them', 'us', 'me', 'whom'])
const PAST_REPORTING = new Set([
  'said',
  'told',
  'wrote',
  'thought',
  'knew',
  'felt',
  'found',
  'saw',
  'showed',
  'shown',
  'written',
])
const ASIDE_OPENERS = new Set(['who', 'which', 'whose', 'whom', 'where', 'when', 'while'])
const ABBREVIATION_WORD = /^\p{Lu}\p{L}{0,3}$/u
/** Past-tense or past-participle forms that are verbs, not nouns, on a noun phrase's left edge. */
const PAST_FORM = /^[a-z]+ed$/

type Range = [number, number]

/** Whether token i may be inside a noun phrase; 'open' when it also opens one (a determiner). */
function npToken(d: AttributionDoc, i: number): 'inner' | 'open' | 'stop' {
  const w = d.lo(i)
  const surface = d.tok(i)
  if (d.isWord(i)) {
    if (NP_BREAKERS.has(w)) return 'stop'
    // "Those close to him say": an object pronoun only after a preposition
    if (OBJECT_PRONOUNS.has(w))
      return NP_INNER_PREPOSITIONS.has(d.lo(i - 1)) || d.lo(i - 1) === 'to' ? 'inner' : 'stop'
    // "He said Obama hopes …": a past reporting verb ends the phrase ("reports" may be its head)
    if (d.verb(i) && PAST_REPORTING.has(w)) return 'stop'
    // "Mr. Grassley and Mr. Leahy": "and" between two names
    if (w === 'and') return d.isCapitalized(i - 1) && d.isCapitalized(i + 1) ? 'inner' : 'stop'
    if (NP_OPENERS.has(w)) return 'open'
    if (SUBJECT_PRONOUNS.has(w)) return 'stop'
    if (w.endsWith('ly') && w.length > 4 && !LY_NOUNS.has(w) && !d.isCapitalized(i)) return 'stop'
    return 'inner'
  }
  if (d.isPunct(i)) {
    // "Sen." "Gen." "Jr.": a period glued to a short capitalised word
    if (surface === '.' && i > 0 && d.ends[i - 1] === d.starts[i] && ABBREVIATION_WORD.test(d.tok(i - 1)))
      return 'inner'
    // "&" joins names; a free-standing dash ends a dateline ("WASHINGTON -- President Obama said")
    if (surface === '&') return 'inner'
    return 'stop'
  }
  return 'inner' // numbers, symbols, handles
}

/**
 * The noun phrase that ends at token `last`, no further left than `floor`; null when there is none.
 * A lone subject pronoun ("he", "who") right before the cue is the whole source.
 *
 * @example in "The IRGC chief commander said", from "commander": the range of "The IRGC chief commander"
 */
export function nounPhraseBefore(d: AttributionDoc, last: number, floor: number): Range | null {
  if (last < floor || last < 0) return null
  const w = d.lo(last)
  if (d.isWord(last) && (SUBJECT_PRONOUNS.has(w) || w === 'which')) return [last, last]
  if (w === ',') return appositionOrAside(d, last, floor)
  let first = last + 1
  for (let i = last; i >= floor && last - i < MAX_NP_TOKENS; i--) {
    if (d.tok(i) === ')') {
      // a parenthesised acronym inside the phrase: "Guards Corps (IRGC)"
      const open = findOpenParen(d, i, floor)
      if (open < 0) break
      first = open
      i = open
      continue
    }
    const kind = npToken(d, i)
    if (kind === 'stop') break
    first = i
    // a determiner after "of/for" opens an inner phrase: "The Committee for a Responsible Federal Budget"
    if (kind === 'open' && !NP_INNER_PREPOSITIONS.has(d.lo(i - 1))) break
  }
  // a phrase cannot start with a preposition, a verb form or an -ing word left over from the clause before
  while (
    first <= last &&
    d.isWord(first) &&
    (NP_INNER_PREPOSITIONS.has(d.lo(first)) || (!d.isCapitalized(first) && PAST_FORM.test(d.lo(first))))
  )
    first++
  if (first > last) return null
  return [first, last]
}

function findOpenParen(d: AttributionDoc, close: number, floor: number): number {
  for (let i = close - 1; i >= floor && close - i <= 6; i--) if (d.tok(i) === '(') return i
  return -1
}

/**
 * The cue follows a comma: "Salami, who …, said" (skip the aside) or "Hossein Salami, the IRGC chief,
 * said" (apposition: the source covers both parts).
 */
function appositionOrAside(d: AttributionDoc, comma: number, floor: number, depth = 0): Range | null {
  let prevComma = -1
  for (let i = comma - 1; i >= floor && comma - i <= MAX_ASIDE_TOKENS; i--) {
    if (d.lo(i) === ',') {
      prevComma = i
      break
    }
    if (d.isQuoteMark(i) || d.lo(i) === ';' || d.lo(i) === ':') return null
  }
  if (prevComma < 0) return null
  const segmentFirst = prevComma + 1
  const opener = d.lo(segmentFirst)
  const before = nounPhraseBefore(d, prevComma - 1, floor)
  // PolNeAR's source runs over the aside or apposition up to and including the comma before the cue:
  // "Former Gov. Ed Rendell, who served as chairman of the DNC," / "The campaign chairman, Phil Lovas,"
  if (ASIDE_OPENERS.has(opener) || opener.endsWith('ing')) return before ? [before[0], comma] : null
  if (!isAppositive(d, segmentFirst, comma - 1)) return null
  // apposition only when the phrase before it starts its clause (else "…, he added, the commander …")
  if (before && (before[0] === floor || d.lo(before[0] - 1) === ',' || d.isPunct(before[0] - 1)))
    return [before[0], comma]
  // an apposition that holds a comma of its own, a place after an institution: "Cynthia Thompson, curator
  // and director of exhibits at the University of Arkansas, Fayetteville, said" (one level, no longer chains)
  if (depth === 0 && d.isCapitalized(segmentFirst)) {
    const chain = appositionOrAside(d, prevComma, floor, depth + 1)
    if (chain) return [chain[0], comma]
  }
  return null
}

/** "the IRGC chief commander", "an economist and tax expert", "R-Texas": a comma-bounded noun phrase. */
function isAppositive(d: AttributionDoc, first: number, last: number): boolean {
  if (last < first || last - first >= MAX_NP_TOKENS) return false
  // "the IRGC chief", "Major General X", or a bare role: "spokesman for the Indonesian military"
  if (!NP_OPENERS.has(d.lo(first)) && !d.isCapitalized(first) && !PERSON_ROLE_NOUNS.has(d.lo(first)))
    return false
  for (let i = first; i <= last; i++) {
    const w = d.lo(i)
    if (w === 'and' || w === '(' || w === ')') continue
    if (npToken(d, i) === 'stop' || (i > first && d.verb(i))) return false
  }
  return true
}

/**
 * The noun phrase that starts at token `first` for an inverted source ("…, said Sen. Jane Roe, R-Texas."),
 * up to the end of the clause; an apposition after a comma is kept when the sentence ends with it.
 */
export function nounPhraseAfter(d: AttributionDoc, first: number, end: number): Range | null {
  let last = first - 1
  for (let i = first; i < end && i - first < MAX_NP_TOKENS; i++) {
    const w = d.lo(i)
    if (w === ',') {
      // keep ", R-Texas" / ", a former official who runs Crosscut Strategies" up to the sentence end,
      // but not ", speaking of Clinton's health" (a participle, not an apposition)
      const next = i + 1
      const opensPhrase = NP_OPENERS.has(d.lo(next)) || d.isCapitalized(next) || !d.isWord(next)
      const tail = lastWordBefore(d, end)
      if (
        opensPhrase &&
        !d.lo(next).endsWith('ing') &&
        tail - next < MAX_ASIDE_TOKENS &&
        !hasQuote(d, next, tail)
      ) {
        return [first, tail]
      }
      break
    }
    if (d.isWord(i) && SUBJECT_PRONOUNS.has(w) && i === first) return [i, i]
    if (d.isWord(i) && (NP_BREAKERS.has(w) || SUBJECT_PRONOUNS.has(w))) break
    if (d.isPunct(i) && npToken(d, i) === 'stop' && w !== '(' && w !== ')') break
    if (d.isWord(i) && d.verb(i) && i > first) break
    last = i
  }
  // "…, said Sen. Jane Roe." — the sentence's own period is not part of the name
  if (last > first && last === end - 1 && d.tok(last) === '.') last--
  return last >= first ? [first, last] : null
}

function hasQuote(d: AttributionDoc, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (d.isQuoteMark(i)) return true
  return false
}

/** Index of the last token before `end` that is not closing punctuation. */
export function lastWordBefore(d: AttributionDoc, end: number): number {
  let i = end - 1
  while (i >= 0 && d.isPunct(i) && d.tok(i) !== ')') i--
  return i
}

/** A subject longer than this is probably not one. */
const MAX_SUBJECT_TOKENS = 10
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
    // a lower-case verb form after a name ends the subject: "Salami referred", "Trump slammed"
    // (not "Facebook co-founder Mark Zuckerberg")
    const next = d.lo(i + 1)
    if (
      i + 1 < limit &&
      d.isCapitalized(i) &&
      !d.isCapitalized(i + 1) &&
      /^[a-z]+(?:ed|s)$/.test(next) &&
      !NP_OPENERS.has(d.lo(start))
    )
      break
  }
  return last >= start ? [start, last] : null
}
