/**
 * Indirect speech with the source before the cue: "X said (that) …", "X told Y (that) …",
 * "X noted/added/stressed/warned/claimed/believes that …", "X asked whether …", "X said: …",
 * "He added, Hezbollah is …". Agentless passives ("It was reported that …") get no source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentEndAfterSource, contentSpan, skipTimeAfterCue } from '../content.js'
import { nounPhraseBefore, sentenceSubject } from '../noun-phrase.js'
import { isTitle } from '../quote-shape.js'
import { verbGroup } from '../verb-group.js'
import { BE_FORMS, CAUSATIVES, CLAUSE_OPENERS, NP_OPENERS } from '../words.js'

/** How far a hearer may stretch before "that": "told the Associated Press in an interview that". */
const MAX_HEARER_TOKENS = 14
const COMPLEMENTISERS = new Set(['that', 'whether', 'if'])
/** Verbs after which any noun may open a bare clause ("says hackers are …", "believes redesigning … has"); others need an opener word. */
const BARE_NOUN_SUBJECTS = new Set(['say', 'believe', 'think'])
/** Quantifiers that stand alone as a subject ("Most believe", "Many said"): a noun would be plural ("many reports"). */
const QUANTIFIER_SUBJECTS = new Set(['most', 'few', 'many', 'several', 'some', 'both'])
const WH_WORDS = new Set(['how', 'what', 'why', 'where', 'when', 'who', 'whom', 'which'])
/** Prepositions that open a phrase between the cue and "that": "said in a letter that". */
const PP_OPENERS = new Set([
  'in',
  'during',
  'at',
  'on',
  'via',
  'after',
  'before',
  'to',
  'from',
  'by',
  'with',
  'through',
  'over',
  'late',
  'early',
  'last',
  'this',
  'privately',
  'publicly',
])
const MAX_PP_TOKENS = 14

/**
 * @example Salami also said that Iran will win. → cue "also said", source "Salami", content "that Iran will win"
 */
export function findSaidThat(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let v = 0; v < d.n; v++) {
    const verb = d.verb(v)
    if (!verb) continue
    const w = d.lo(v)
    const prev = d.lo(v - 1)
    // "the report said" has the verb; "a report" / "his claims" are nouns; "to say" is not a finite cue
    // but after a quantifier a form without -s is a verb: "Most believe …", "few think …", "some say …"
    if ((NP_OPENERS.has(prev) && !(QUANTIFIER_SUBJECTS.has(prev) && !w.endsWith('s'))) || prev === 'to')
      continue
    const [sentenceStart, sentenceEnd] = d.sentenceRange(v)
    const [g0, g1] = verbGroup(d, v)
    // an -ing form is a cue only in a progressive group ("isn't saying", "was telling")
    if (w.endsWith('ing') && !hasBeForm(d, g0, v)) continue
    let cueEnd = g1
    let first = -1
    const k = skipTimeAfterCue(d, g1 + 1)
    if (k >= sentenceEnd) continue
    const next = d.lo(k)
    // "the letter reads: …", "the sign read "…"": a quotation or a colon, nothing else
    if (verb.frame === 'quote' && next !== ':' && !(d.isQuoteMark(k) && !titleAt(d, k))) continue
    if (verb.frame === 'tell' && !COMPLEMENTISERS.has(next) && next !== ':') {
      first = afterHearer(d, k, sentenceEnd, verb.lemma === 'ask')
    } else if (COMPLEMENTISERS.has(next) || WH_WORDS.has(next) || (d.isQuoteMark(k) && !titleAt(d, k))) {
      // "noted that …", "noted how happy she was", "asked why …"
      first = k
    } else if (next === ':') {
      // "Rasmussen has a similar question:" — a bare form before a colon is a noun more often than a verb
      if (w === verb.lemma && verb.frame !== 'say' && verb.frame !== 'quote') continue
      cueEnd = k
      first = k + 1
    } else if (next === ',' && verb.frame === 'say') {
      // "He added, Hezbollah is …" — not the ", he added, …" aside (comma before the source)
      if (d.lo(g0 - 2) === ',' || d.lo(g0 - 1) === ',') continue
      // "Back in Virginia, Mr. Clarke said, he decided …": a longer source after a comma is the same
      // aside (parenthetical.ts: the content is the whole sentence)
      const tagSource = nounPhraseBefore(d, g0 - 1, sentenceStart)
      if (tagSource && d.lo(tagSource[0] - 1) === ',') continue
      if (startsClause(d, k + 1, false)) first = k + 1
    } else if (verb.frame === 'say' && startsClause(d, k, BARE_NOUN_SUBJECTS.has(verb.lemma))) {
      first = k
    } else if (verb.frame !== 'tell' && PP_OPENERS.has(next)) {
      // "said during a rally in Michigan that …", "said via email that …"
      first = complementiserAfter(d, k + 1, sentenceEnd, verb.lemma === 'ask')
    }
    if (first < 0) continue
    // "Having said that, …" is an idiom, not an attribution
    if (d.lo(g0 - 1) === 'having' && d.lo(first) === 'that' && d.isPunct(first + 1)) continue
    // "Zuckerberg tweeted to Mohamed and said …": a second verb shares the clause's subject
    const np =
      nounPhraseBefore(d, g0 - 1, sentenceStart) ??
      (d.lo(g0 - 1) === 'and' ? sentenceSubject(d, sentenceStart, g0 - 1) : null)
    // "has made the Palestinian people believe that …": the belief is caused, not reported
    if (np && CAUSATIVES.has(d.lo(np[0] - 1))) continue
    // "…,” said Sen. Jane Roe": an inverted tag (sentence-final.ts, direct-quote.ts), not content
    if (!np && d.isCapitalized(first) && !CLAUSE_OPENERS.has(d.lo(first))) continue
    const end = np
      ? contentEndAfterSource(d, np[0], first)
      : isAdverbialAsked(d, g0, v, sentenceStart)
        ? commaAfter(d, first, sentenceEnd)
        : undefined
    const content = contentSpan(d, first, end)
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

/** A quotation opening at token k that is a title ("a book called “The Art of the Deal”"). */
function titleAt(d: AttributionDoc, k: number): boolean {
  const region = d.quotes[d.quoteOf[k] as number]
  return region !== undefined && isTitle(d, region)
}

/** Index of "that"/"whether"/"if" after a prepositional phrase, without crossing punctuation, or -1. */
function complementiserAfter(
  d: AttributionDoc,
  from: number,
  sentenceEnd: number,
  question: boolean,
): number {
  for (let i = from; i < sentenceEnd && i - from < MAX_PP_TOKENS; i++) {
    // "Asked on Fox News who leads the party …": after "ask" a wh-word opens the question too
    if (COMPLEMENTISERS.has(d.lo(i)) || (question && WH_WORDS.has(d.lo(i)))) return i
    // commas may sit inside the phrase ("says at a campaign stop in Toledo, Ohio, that …")
    if ((d.isPunct(i) && d.lo(i) !== ',') || d.verb(i)) return -1
  }
  return -1
}

/** Words before a sentence-initial "asked" that keep it an adverbial clause: "When asked whether …, he said". */
const ASKED_OPENERS = new Set(['when', 'while', 'after', 'once', 'if', 'as'])

/**
 * "Asked if …, Ryan said …" / "When asked whom she supported, Ms. Sherry smiled": a source-less
 * adverbial "asked" whose question ends at the comma before the main clause.
 */
function isAdverbialAsked(d: AttributionDoc, g0: number, v: number, sentenceStart: number): boolean {
  if (d.lo(v) !== 'asked') return false
  const before = g0 - sentenceStart
  return before === 0 || (before === 1 && ASKED_OPENERS.has(d.lo(sentenceStart)))
}

/** The first comma outside quotation marks after `from` (exclusive end of a clause), or undefined. */
function commaAfter(d: AttributionDoc, from: number, sentenceEnd: number): number | undefined {
  for (let i = from + 1; i < sentenceEnd; i++) if (d.lo(i) === ',' && d.quoteOf[i] === -1) return i
  return undefined
}

/** Content start after a hearer ("told reporters that", "told CNN he would"), or -1. */
function afterHearer(d: AttributionDoc, from: number, sentenceEnd: number, question: boolean): number {
  for (let i = from; i < sentenceEnd && i - from < MAX_HEARER_TOKENS; i++) {
    const w = d.lo(i)
    // "asked on Fox News who leads …", "asked him why …"
    if (COMPLEMENTISERS.has(w) || (question && WH_WORDS.has(w))) return i
    if (w === ':') return i + 1
    if (d.isQuoteMark(i)) return i
    if (i > from && (w === 'he' || w === 'she' || w === 'they' || w === 'we' || w === 'i' || w === 'it'))
      return i
    // a comma may sit in the hearer ("told a town hall in Salem, New Hampshire, on Monday that"),
    // but not before an infinitive or the end of the clause
    if (w === 'to' || w === ';' || w === '.' || d.verb(i)) return -1
  }
  return -1
}

/** Words that cannot open a bare content clause after "say" ("said to", "said goodbye", "said so"). */
const NOT_SUBJECTS = new Set([
  'to',
  'so',
  'goodbye',
  'hello',
  'yes',
  'no',
  'nothing',
  'something',
  'anything',
  'more',
  'less',
  'little',
  'much',
  'otherwise',
  'sorry',
  'thanks',
  'as',
  'for',
  'of',
  'with',
  'about',
  'on',
  'in',
  'at',
  'by',
  'from',
  'after',
  'before',
  'during',
  'and',
  'or',
  'but',
  'not',
  'him',
  'her',
  'them',
  'me',
  'us',
  'repeatedly',
  'again',
  'also',
  'only',
  'just',
  'yesterday',
  'today',
  'tomorrow',
  'earlier',
  'later',
  'recently',
  'last',
  'next',
  'this',
  'then',
  'now',
])

/** Title abbreviations whose period does not end a subject: "Sen. Ted Cruz", "Gov. Abbott". */
const TITLE_ABBREVIATIONS = new Set([
  'sen',
  'gov',
  'rep',
  'lt',
  'gen',
  'dr',
  'mr',
  'mrs',
  'ms',
  'col',
  'sgt',
  'st',
  'jr',
  'sr',
  'rev',
  'prof',
])

function isTitleAbbreviation(d: AttributionDoc, i: number): boolean {
  return d.isCapitalized(i) && TITLE_ABBREVIATIONS.has(d.lo(i))
}

/** A hyphen or possessive apostrophe glued to the word before it: "83-year-old", "Sanders’ attack". */
function isWordInternal(d: AttributionDoc, k: number): boolean {
  const x = d.lo(k)
  return (x === '-' || x === '’' || x === "'") && d.starts[k] === d.ends[k - 1]
}

function hasBeForm(d: AttributionDoc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BE_FORMS.has(d.lo(i))) return true
  return false
}

/** Subject pronouns: "said he would", "said there is" open a clause on their own. */
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there'])
/** Finite auxiliaries, modals and copulas: the cheapest sign that words after a cue form a clause. */
const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'could',
  'can',
  'should',
  'may',
  'might',
  'must',
  'has',
  'have',
  'had',
  'does',
  'do',
  'did',
  "'s",
  "'re",
  "'ll",
  "'d",
  // "won't", "can't" split as "wo" + "n't", "ca" + "n't"
  'wo',
  'ca',
])
/** Irregular past forms that VERB_FORM misses: "says Clinton ran a very aggressive campaign". */
const IRREGULAR_PAST = new Set([
  'ran',
  'made',
  'took',
  'got',
  'came',
  'went',
  'knew',
  'thought',
  'found',
  'gave',
  'saw',
  'won',
  'lost',
  'led',
  'left',
  'held',
  'kept',
  'felt',
  'became',
  'began',
  'brought',
  'bought',
  'built',
  'met',
  'paid',
  'sent',
  'spent',
  'stood',
  'understood',
  'wrote',
  'meant',
  'broke',
  'chose',
  'fell',
  'grew',
  'hid',
  'struck',
  'sought',
  'taught',
  'fought',
  'caught',
  'drove',
  'rose',
  'spoke',
  'stole',
  'threw',
  'forgot',
])
/** How far the finite verb of a bare clause may be from its start ("said the recent defeat of the regime has"). */
const MAX_SUBJECT_TOKENS = 12
/** A lower-case -ed or -s word: a past or present verb form, or a plural ("the officials") — a weak sign. */
const VERB_FORM = /^[a-z]{2,}(?:ed|s)$/

/**
 * Whether token i opens a bare content clause: "said he would", "said the war is over", "said Iran
 * will". A noun phrase alone ("wrote a book called …") is an object, not content: after a determiner
 * or a name a finite auxiliary must follow before any punctuation.
 */
function startsClause(d: AttributionDoc, i: number, anyWord: boolean): boolean {
  const w = d.lo(i)
  if (d.isQuoteMark(i)) return true
  if (PRONOUN_SUBJECTS.has(w)) return true
  // after "say" any noun may open the clause ("says hackers are …", "said too much is …")
  const opener =
    CLAUSE_OPENERS.has(w) ||
    (d.isWord(i) && d.isCapitalized(i) && !d.verb(i)) ||
    (anyWord && d.isWord(i) && !NOT_SUBJECTS.has(w))
  if (!opener) return false
  const end = d.sentenceRange(i)[1]
  // "said Clinton wants", "said the campaign denied": a name or a definite subject and a verb form;
  // after "a"/"an" only an auxiliary will do ("wrote a book called …" is an object)
  const indefinite = w === 'a' || w === 'an'
  for (let k = i + 1; k < end && k - i <= MAX_SUBJECT_TOKENS; k++) {
    const x = d.lo(k)
    if (FINITE.has(x)) return true
    if (
      !indefinite &&
      k > i &&
      d.isWord(k) &&
      !d.isCapitalized(k) &&
      (VERB_FORM.test(x) || IRREGULAR_PAST.has(x)) &&
      !NP_OPENERS.has(x)
    )
      return true
    // quotation marks and the period of a title ("Sen. Ted Cruz is", "the “loose talk” in …") sit inside a subject
    if (d.isQuoteMark(k) || (x === '.' && isTitleAbbreviation(d, k - 1)) || isWordInternal(d, k)) continue
    if (d.isPunct(k) || isInflectedVerb(d, k)) return false
  }
  return false
}

/**
 * A reporting verb in an inflected form. A bare form inside a would-be subject is a noun more often
 * than not ("said the AP report is …", "said his biggest worry is …", "said Sanders’ attack was …").
 */
function isInflectedVerb(d: AttributionDoc, k: number): boolean {
  const verb = d.verb(k)
  return verb !== undefined && d.lo(k) !== verb.lemma
}
