/**
 * Content boundaries (PolNeAR conventions, methods §2): content runs from its first token to the end
 * of the sentence — or to the end of a quotation that opened inside it and crosses sentences — but
 * stops before a trailing ", saying/adding …" (its own attribution), ", according to …" and a
 * sentence-final ", he said" tag. The sentence-final period is left out; quote marks stay in.
 */
import type { Span } from '../../model/span.js'
import type { AttributionDoc } from './attribution-doc.js'
import { nounPhraseBefore } from './noun-phrase.js'
import { verbGroup } from './verb-group.js'
import { BE_FORMS, INVERTIBLE_SPEECH_VERBS, PARTICIPIAL_MARKERS, TAG_SOURCE_OPENERS } from './words.js'

const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '—', '–', '-'])
/** Words after a trailing tag's verb: "he said in an interview with CNN on Tuesday". */
const MAX_TAIL = 8
/** An inverted source with its apposition: "said Jeffrey N. Trimble, a senior official with the … Board of Governors that oversees them". */
const MAX_INVERTED_TAIL = 25
const SAID_TOLD = new Set(['said', 'told', 'wrote', 'thought', 'knew', 'felt', 'found', 'saw'])
function secondVerb(d: AttributionDoc, i: number): boolean {
  const w = d.lo(i)
  return PAST_VERB.test(w) || (d.verb(i) !== undefined && (w.endsWith('s') || SAID_TOLD.has(w)))
}
/**
 * A content that opens with its own pronoun subject keeps "and" + a non-reporting verb: "said she was
 * tired of the status quo and wanted a candidate who …" (the pronoun is the subject of both).
 */
const OWN_SUBJECT = new Set(['he', 'she', 'they', 'we', 'i'])
/** A verb of saying or telling ("and said …", "and told …"), which starts a new attribution. */
function isSpeechVerb(d: AttributionDoc, i: number): boolean {
  const frame = d.verb(i)?.frame
  return frame === 'say' || frame === 'tell'
}
/** A lower-case past form after "and": the start of a second verb phrase ("and encouraged Americans"). */
const PAST_VERB = /^[a-z]{3,}ed$/
const TAIL_OPENERS = new Set([
  'in',
  'on',
  'at',
  'during',
  'from',
  'after',
  'before',
  'via',
  'by',
  'last',
  'this',
  'earlier',
  'later',
  'recently',
  'yesterday',
  'today',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'while',
  'when',
  'as',
  'of',
  'about',
  'through',
  'over',
  'afterward',
  'afterwards',
  'privately',
  'publicly',
  'again',
  'too',
  'also',
])

/**
 * Token index (exclusive) where content that starts at token `first` ends.
 * Content never runs past the paragraph of its first token unless a quotation carries it.
 */
export function contentEnd(d: AttributionDoc, first: number): number {
  let end = d.sentenceRange(first)[1]
  // a quotation opened inside the content carries it to the quotation's end
  for (let i = first; i < end; i++) {
    const q = d.quoteOf[i] as number
    if (q >= 0) {
      const region = d.quotes[q]
      if (region && region.start >= (d.starts[first] as number)) {
        const closing = d.tokenFrom(region.end - 1)
        if (closing >= end) end = d.sentenceRange(closing)[1]
      }
    }
  }
  for (let i = first + 1; i < end; i++) {
    if (d.quoteOf[i] !== -1) continue
    const w = d.lo(i)
    // an aside in parentheses or after a double dash closes the content ("… the Republican Party (which …")
    if (w === '(' || (w === '-' && d.lo(i + 1) === '-') || w === '--') return i
    // "… announced the arrest and said a curfew would continue", "she respects Sanders but argues that
    // …": a second verb phrase is not content
    // (a finite form only: "federal and state law" has no verb)
    if (
      (w === 'and' || w === 'but') &&
      d.isWord(i + 1) &&
      !d.isCapitalized(i + 1) &&
      secondVerb(d, i + 1) &&
      !(w === 'and' && OWN_SUBJECT.has(d.lo(first)) && !isSpeechVerb(d, i + 1))
    )
      return i
    if (w !== ',') continue
    const next = d.lo(i + 1)
    if (PARTICIPIAL_MARKERS.has(next) && d.verb(i + 1)) return i
    // ", though she acknowledged …", ", despite …": a concession after a comma is the writer's addition
    // (cutting at ", which" and at any ", -ing" adjunct cost content match on PolNeAR dev)
    if (CLAUSE_TAILS.has(next)) return i
    if (next === 'according' && d.lo(i + 2) === 'to' && accordingToAsideEnd(d, i, end) < 0) return i
    if (isFinalTag(d, i, end)) return i
  }
  return end
}

/** Auxiliaries and copulas that carry a clause on after an aside ("…, according to X, was …"). */
const ASIDE_VERBS = new Set(
  'is are was were has have had will would could can may might must should did does do'.split(' '),
)

/**
 * ", according to police, arrested 40 people": an "according to X" set off by commas inside a clause
 * that goes on after it. Returns the index of the closing comma, or -1 when the phrase is not such an
 * aside (", according to police." ends the sentence: the content stops before it).
 */
export function accordingToAsideEnd(d: AttributionDoc, comma: number, sentenceEnd: number): number {
  let k = comma + 3
  while (k < sentenceEnd && d.lo(k) !== ',') k++
  if (k >= sentenceEnd || k === comma + 3) return -1
  // the clause goes on with its verb ("…, arrested 40 people", "…, was …") or a coordinated clause
  // ("…, and said …"); a noun phrase after it ("…, a rise of 5%") is an apposition to the final phrase,
  // and the content ends before the aside (PolNeAR train: the 5 continuations with a verb or "and" all
  // cover the aside; 0 of 10 after "a", "an", "which" or "who" do)
  const next = d.lo(k + 1)
  if (next === 'and' || ASIDE_VERBS.has(next) || secondVerb(d, k + 1)) return k
  return -1
}

/** ", he said." / ", Salami added." / ", said Sen. X." from the comma at `comma` to the sentence end. */
export function isFinalTag(d: AttributionDoc, comma: number, sentenceEnd: number): boolean {
  for (let v = comma + 1; v < sentenceEnd && v - comma <= 10; v++) {
    const verb = d.verb(v)
    if (!verb) continue
    // ", adding levity" is participial, not a tag
    if (d.lo(v).endsWith('ing')) return false
    const [g0, g1] = verbGroup(d, v)
    const inverted = g0 === comma + 1
    if (inverted && !INVERTIBLE_SPEECH_VERBS.has(verb.lemma)) return false
    // an inverted source is a name, a pronoun or a determiner phrase, not "declared bankruptcy"
    if (inverted && !d.isCapitalized(g1 + 1) && !TAG_SOURCE_OPENERS.has(d.lo(g1 + 1))) return false
    // ", the website is being attacked by hackers": the subject of a passive is no speaker
    if (!inverted && g0 < v && BE_FORMS.has(d.lo(v - 1))) return false
    const np = inverted ? null : nounPhraseBefore(d, g0 - 1, comma + 1)
    if (!inverted && (!np || np[0] !== comma + 1)) return false
    // after the verb: the end, or a time, place or medium; a hearer after "told"; the source if inverted
    let tail = 0
    let commas = 0
    for (let k = g1 + 1; k < sentenceEnd; k++) {
      const w = d.lo(k)
      if (w === ',') commas++
      // an inverted source may carry a relative clause in its apposition ("…, a senior official … that oversees them")
      if ((w === 'that' && !(inverted && commas > 0)) || w === ':' || d.isQuoteMark(k)) return false
      if (tail === 0 && !inverted && !d.isPunct(k) && verb.frame !== 'tell' && !TAIL_OPENERS.has(w))
        return false
      if (tail === 0 && !inverted && w === ',' && k < sentenceEnd - 1) return false // ", he said, local officials …"
      if (!d.isPunct(k)) tail++
    }
    return tail <= (inverted ? MAX_INVERTED_TAIL : MAX_TAIL)
  }
  return false
}

/**
 * Words after a comma that start a writer's addition to the content (PolNeAR leaves them out), including
 * a contrast: "the emails were personal, but for Republicans, it is a smoking gun".
 */
const CLAUSE_TAILS = new Set(['though', 'although', 'whereas', 'despite', 'even', 'but'])

/**
 * Time words between the cue and its content, in neither ("said Friday that", "said on Sunday it was").
 * Returns the first token after them.
 */
export function skipTimeAfterCue(d: AttributionDoc, k: number): number {
  let i = k
  if (d.lo(i) === 'on' && DAYS.has(d.lo(i + 1))) i++
  if (DAYS.has(d.lo(i))) {
    i++
    if (PARTS_OF_DAY.has(d.lo(i))) i++
    return i
  }
  if ((d.lo(i) === 'last' || d.lo(i) === 'this') && PERIODS.has(d.lo(i + 1))) return i + 2
  return k
}
const DAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
])
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night'])
const PERIODS = new Set([
  'week',
  'month',
  'year',
  'night',
  'weekend',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
])

/** Subordinators: an attribution inside "While he acknowledged X, Ham noted Y" ends at the clause's comma. */
const SUBORDINATORS = new Set([
  'while',
  'although',
  'though',
  'whereas',
  'because',
  'since',
  'if',
  'unless',
  'when',
  'after',
  'before',
  'as',
  'once',
])

/**
 * Content end (exclusive token index) when the attribution sits in a subordinate clause whose source
 * starts at token `sourceFirst`: the first comma after the content start; otherwise the usual clause end.
 */
export function contentEndAfterSource(d: AttributionDoc, sourceFirst: number, first: number): number {
  const end = contentEnd(d, first)
  if (!SUBORDINATORS.has(d.lo(sourceFirst - 1))) return end
  for (let i = first + 1; i < end; i++) if (d.lo(i) === ',' && d.quoteOf[i] === -1) return i
  return end
}

/** Connectives PolNeAR leaves outside a sentence-initial content ("However, [slower growth …], the IMF said"). */
const LEADING_CONNECTIVES = new Set([
  'but',
  'and',
  'however',
  'still',
  'yet',
  'so',
  'meanwhile',
  'moreover',
  'instead',
  'indeed',
  'nevertheless',
  'nonetheless',
  'furthermore',
  'plus',
  'or',
  'also',
  'rather',
])

/** Token index of the first content word of a sentence that starts at `first`, past a leading connective. */
export function skipConnective(d: AttributionDoc, first: number, end: number): number {
  let i = first
  if (i < end - 2 && LEADING_CONNECTIVES.has(d.lo(i)) && d.isCapitalized(i)) {
    i++
    if (d.lo(i) === ',') i++
  }
  return i
}

/**
 * The content span from token `first` to `endExclusive` (or the computed clause end), with trailing
 * punctuation and spaces trimmed; null when nothing is left.
 */
export function contentSpan(
  d: AttributionDoc,
  first: number,
  endExclusive = contentEnd(d, first),
): Span | null {
  // A cue at the very end of the text leaves no token for content: nothing to attribute.
  if (first < 0 || first >= d.n) return null
  let last = Math.min(endExclusive, d.n) - 1
  while (last >= first && TRAILING_PUNCT.has(d.lo(last))) last--
  if (last < first) return null
  return d.span(first, last)
}
