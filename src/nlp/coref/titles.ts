/**
 * Titles and roles around a name (Stanford's "role apposition" and title premodifier constructs):
 *
 *   premodifier   "Major General Hossein Salami", "IRGC commander Hossein Salami", "Sen. Ted Cruz"
 *   apposition    "Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC), Major General Hossein Salami,"
 *                 "Hossein Salami, the IRGC chief commander, said"
 *   predicate     "Salami is the chief commander of the IRGC."
 *
 * An apposition counts only when its phrase has a singular role-noun head of the name's type before any
 * "of" ("Speaking to reporters, Biden said" has a plural head and is no apposition). Each apposition is
 * also returned as a nominal mention span, so attribution can find "The IRGC commander, X," as a source.
 */
import type { EntityType } from '../../model/layers.js'
import { isVerbLike } from './grammar.js'
import type { CorefLexicon } from './lexicon.js'
import type { Title, WorkMention } from './model.js'
import { isTitleToken } from './name-mentions.js'
import { hasLetter, isAcronym, isCapitalised, startsLower, type Words } from './words.js'

const FUNCTION_WORDS = new Set(['of', 'the', 'for', 'at', 'and', 'in', 'on'])
const DETERMINERS = new Set(['the', 'a', 'an'])
const BRACKETS = new Set(['(', ')'])
/** Longest apposition phrase we accept, in tokens (keeps list commas from pairing up). */
const MAX_APPOSITION = 14

export interface Appositive {
  start: number
  end: number
  first: number
  last: number
  head: string
  /** Modifier words of the role phrase, lower case, possessive stripped. */
  words: string[]
}

export interface TitleFindings {
  titles: Title[]
  appositives: Appositive[]
}

function adjacent(words: Words, a: number, b: number): boolean {
  const gap = (words.starts[b] as number) - (words.ends[a] as number)
  return gap >= 0 && gap <= 1 && words.sentence[a] === words.sentence[b]
}

/** A token that may stand in a title run right before a name. */
function premodToken(words: Words, lex: CorefLexicon, i: number): boolean {
  const text = words.text[i] as string
  const key = words.key[i] as string
  if (words.possessive[i] || words.clitic[i]) return false
  if (isCapitalised(text)) {
    return isTitleToken(words, lex, i) || lex.roles.has(key) || lex.countries.has(key) || isAcronym(text)
  }
  if (text === '.') return isTitleToken(words, lex, i)
  return lex.roles.has(key) || lex.neutralModifiers.has(key)
}

/** A token that may stand in an apposition role phrase. */
function phraseToken(words: Words, lex: CorefLexicon, i: number): boolean {
  const text = words.text[i] as string
  const key = words.key[i] as string
  if (BRACKETS.has(text) || words.clitic[i]) return true
  if (!hasLetter(text) && !isTitleToken(words, lex, i)) return false
  if (isCapitalised(text) || words.possessive[i]) return true
  return FUNCTION_WORDS.has(key) || lex.roles.has(key) || lex.neutralModifiers.has(key) || lex.titles.has(key)
}

/**
 * The role head of a phrase: its last word before the first "of"/"for"/"at"/"in" when that word is a
 * singular role noun of the name's type; null otherwise.
 */
function roleHead(
  words: Words,
  lex: CorefLexicon,
  first: number,
  last: number,
  type: EntityType,
): number | null {
  let head: number | null = null
  for (let i = first; i < last; i++) {
    const key = words.key[i] as string
    if (i > first && FUNCTION_WORDS.has(key) && key !== 'the' && key !== 'and') break
    const role = lex.roles.get(key)
    if (role) head = role.type === type && !role.plural ? i : null
    // A word after the head that is no role ("Professor John Burrows") makes the phrase a name.
    else if (!words.clitic[i] && hasLetter(words.text[i] as string)) head = null
  }
  return head
}

function makeAppositive(
  words: Words,
  lex: CorefLexicon,
  first: number,
  last: number,
  head: number,
): Appositive {
  const mods: string[] = []
  for (let i = first; i < last; i++) {
    if (
      i !== head &&
      !words.clitic[i] &&
      !FUNCTION_WORDS.has(words.key[i] as string) &&
      hasLetter(words.text[i] as string)
    ) {
      mods.push(words.key[i] as string)
    }
  }
  return {
    start: words.starts[first] as number,
    end: words.ends[last - 1] as number,
    first,
    last,
    head: lex.roles.get(words.key[head] as string)?.lemma ?? (words.key[head] as string),
    words: mods,
  }
}

function titleOf(text: string, words: Words, first: number, last: number): Title {
  let f = first
  if (DETERMINERS.has(words.key[f] as string)) f++
  return {
    text: text.slice(words.starts[f], words.ends[last - 1]),
    start: words.starts[f] as number,
    end: words.ends[last - 1] as number,
  }
}

/** "<role phrase>, <name>": scans back from the comma before token `at`. */
function preApposition(words: Words, lex: CorefLexicon, at: number, type: EntityType): Appositive | null {
  const comma = at - 1
  if (words.text[comma] !== ',') return null
  let first = comma
  while (
    first - 1 >= 0 &&
    comma - first < MAX_APPOSITION &&
    words.sentence[first - 1] === words.sentence[comma] &&
    phraseToken(words, lex, first - 1)
  )
    first--
  while (first < comma && FUNCTION_WORDS.has(words.key[first] as string) && words.key[first] !== 'the')
    first++
  if (first === comma) return null
  const head = roleHead(
    words,
    lex,
    DETERMINERS.has(words.key[first] as string) ? first + 1 : first,
    comma,
    type,
  )
  return head === null ? null : makeAppositive(words, lex, first, comma, head)
}

/** "<name>, the <role phrase>,": scans forward from the comma at token `at`. */
function postApposition(words: Words, lex: CorefLexicon, at: number, type: EntityType): Appositive | null {
  if (words.text[at] !== ',') return null
  return rolePhraseAfter(words, lex, at + 1, type)
}

/** Copulas of a predicate nominative ("Salami is the chief commander of the IRGC."). */
const COPULAS = new Set(['is', 'was', 'became', 'becomes', 'remains', 'remained'])

/** "<name> is|was|became [the|a] <role phrase>." (Stanford's predicate-nominative construct). */
function predicateNominative(
  words: Words,
  lex: CorefLexicon,
  at: number,
  type: EntityType,
): Appositive | null {
  let first = at
  const key = words.key[first]
  if ((key === 'has' || key === 'had') && words.key[first + 1] === 'been') first += 2
  else if (key !== undefined && COPULAS.has(key)) first += 1
  else return null
  if (words.sentence[first] !== words.sentence[at]) return null
  // Only a determined phrase: "is the commander", not "is commanding" or "is Iranian".
  if (!DETERMINERS.has(words.key[first] as string) && !words.possessive[first]) return null
  return rolePhraseAfter(words, lex, first, type)
}

/**
 * A role phrase starting at token `first` and closed by a comma, a period, a semicolon or the sentence
 * end, with a role head of `type`; null otherwise.
 */
function rolePhraseAfter(
  words: Words,
  lex: CorefLexicon,
  first: number,
  type: EntityType,
): Appositive | null {
  if (first >= words.count || words.sentence[first] !== words.sentence[first - 1]) return null
  const sentence = words.sentence[first]
  let last = first
  // After "<role> of", any word may follow up to the closing comma ("the chairman of the project’s
  // panel of twelve,"), except a verb, which would mean the comma did not close an apposition.
  let complement = false
  while (last < words.count && last - first < MAX_APPOSITION && words.sentence[last] === sentence) {
    const key = words.key[last] as string
    if (!complement && key === 'of' && last > first && lex.roles.has(words.key[last - 1] as string))
      complement = true
    if (phraseToken(words, lex, last)) last++
    else if (complement && startsLower(words.text[last] as string) && !isVerbLike(key)) last++
    else break
  }
  const stop = words.text[last]
  const closes =
    stop === ',' || stop === '.' || stop === ';' || last >= words.count || words.sentence[last] !== sentence
  if (!closes || last === first) return null
  const start = DETERMINERS.has(words.key[first] as string) ? first + 1 : first
  // "X, the commander," but not "X, Y and Z," (a list of names): the phrase must start with a determiner,
  // a possessive or a role word, not with another name.
  if (
    !DETERMINERS.has(words.key[first] as string) &&
    !words.possessive[first] &&
    !lex.roles.has(words.key[first] as string) &&
    !lex.titles.has(words.key[first] as string)
  )
    return null
  const head = roleHead(words, lex, start, last, type)
  return head === null ? null : makeAppositive(words, lex, first, last, head)
}

/**
 * Titles before a PERSON mention and role appositions on either side of a name mention.
 *
 * @example findTitles(text, words, lex, salami) // titles: ["Chief Commander of … (IRGC)", "Major General"]
 */
export function findTitles(
  text: string,
  words: Words,
  lex: CorefLexicon,
  m: WorkMention,
  scanFrom: number = m.first,
): TitleFindings {
  const titles: Title[] = []
  const appositives: Appositive[] = []
  let r = scanFrom
  if (m.type === 'PERSON') {
    while (r - 1 >= 0 && adjacent(words, r - 1, r) && premodToken(words, lex, r - 1)) r--
    // A run must hold a title or role word; otherwise "IRGC" before a name is just a modifier.
    let hasTitle = false
    for (let i = r; i < scanFrom; i++) {
      const key = words.key[i] as string
      if (lex.titles.has(key) || lex.roles.has(key)) hasTitle = true
    }
    if (!hasTitle) r = scanFrom
    else titles.push(titleOf(text, words, r, scanFrom))
  }
  const pre = preApposition(words, lex, r, m.type)
  if (pre) {
    appositives.push(pre)
    if (m.type === 'PERSON') titles.push(titleOf(text, words, pre.first, pre.last))
  }
  const post = postApposition(words, lex, m.last, m.type) ?? predicateNominative(words, lex, m.last, m.type)
  if (post) {
    appositives.push(post)
    if (m.type === 'PERSON') titles.push(titleOf(text, words, post.first, post.last))
  }
  return { titles, appositives }
}
