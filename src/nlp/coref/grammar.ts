/**
 * Closed-class word lists and the parser-free role proxies used by salience: a mention is a subject
 * when no preposition precedes it and a verb-like word follows it (after an optional apposition), the
 * proxy suggested for GAP's parallelism baseline (see shared methods/ATTRIBUTION.md §5).
 */
import type { Words } from './words.js'
import { isCapitalised } from './words.js'

export const PREPOSITIONS = new Set(
  'of in to with by for from at on against about into over under between than as via like toward towards during after before without within among across behind upon'.split(
    ' ',
  ),
)

/** Auxiliaries and modals: a word after a noun phrase that marks it as a clause subject. */
export const AUXILIARIES = new Set(
  'is was are were has had have will would could can may might must should shall did does do also then later has been'.split(
    ' ',
  ),
)

/** Reporting verbs (past, present and base forms) for subject detection and "it said". */
export const REPORTING_VERBS = new Set(
  'said says say added adds noted notes told tells stated states announced announces claimed claims denied denies warned warns explained explains stressed stresses insisted insists argued argues asserted asserts reported reports wrote writes confirmed confirms declared declares emphasised emphasized emphasises emphasizes pointed underlined underscored urged urges called calls referred refers acknowledged admitted commented continued replied responded remarked revealed suggested observed maintained concluded recalled highlighted alleged threatened vowed promised predicted described praised criticised criticized accused blamed'.split(
    ' ',
  ),
)

/** Common irregular past-tense verbs, for the subject proxy. */
const IRREGULAR_PAST = new Set(
  'made told took gave went came met led won ran wrote spoke became began left held thought felt kept brought sent saw got put set sat stood knew found paid lost fought sought bought taught meant'.split(
    ' ',
  ),
)

const PAST_TENSE_RE = /^[a-z]{3,}ed$/

/** A lower-case word that can start a predicate: auxiliary, reporting verb, or a past/3sg verb shape. */
export function isVerbLike(word: string): boolean {
  if (AUXILIARIES.has(word) || REPORTING_VERBS.has(word) || IRREGULAR_PAST.has(word)) return true
  return PAST_TENSE_RE.test(word)
}

/** Words that end a clause for the binding test ("X said that Y praised him": him may be X). */
export const CLAUSE_BREAKS = new Set(
  'that which who whom because when while after before if although though and but , ; : –'.split(' '),
)

/**
 * Whether the mention on tokens `[first, last)` looks like the subject of its clause.
 *
 * @example isSubject(words, 0, 2) // true for "Hossein Salami said …"
 */
export function isSubject(words: Words, first: number, last: number): boolean {
  const prev = first > 0 && words.sentence[first - 1] === words.sentence[first] ? words.key[first - 1] : ''
  if (prev && PREPOSITIONS.has(prev)) return false
  // Inverted reporting clause: "…, said Salami." / "That means, added the commander,".
  if (prev && REPORTING_VERBS.has(prev)) return true
  // Sentence-initial noun phrase, or one right after an opening adverbial ("In 1990, Smith …").
  const sentenceStart = first === 0 || words.sentence[first - 1] !== words.sentence[first]
  const afterIntro = prev === ',' && !hasVerbBefore(words, first)
  let i = last
  // Skip an apposition: "Salami, the IRGC chief, said".
  if (words.text[i] === ',') {
    let j = i + 1
    while (
      j < words.count &&
      j < i + 16 &&
      words.text[j] !== ',' &&
      words.sentence[j] === words.sentence[first]
    )
      j++
    if (words.text[j] === ',') i = j + 1
  }
  const next = words.key[i]
  if (next === undefined || words.sentence[i] !== words.sentence[first]) return false
  // A capitalised word after the mention is a name or a new sentence part, not a predicate.
  if (isCapitalised(words.text[i] as string)) return false
  if (next === 'also' || next === 'then' || next === 'later' || next === 'recently') {
    const after = words.key[i + 1]
    return after !== undefined && isVerbLike(after)
  }
  if (isVerbLike(next)) return true
  return (sentenceStart || afterIntro) && next !== 'of' && next !== 'and'
}

/** Whether a verb-like word precedes token `at` in its sentence (then a comma does not close an intro). */
function hasVerbBefore(words: Words, at: number): boolean {
  for (let i = at - 1; i >= 0 && words.sentence[i] === words.sentence[at]; i--) {
    if (isVerbLike(words.key[i] as string) && !isCapitalised(words.text[i] as string)) return true
  }
  return false
}
