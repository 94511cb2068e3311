/**
 * A corpus-wide identity for entities. Inside one document coref links mentions to an entity; across
 * documents the only thing we have is the entity's canonical name, spelled differently by different
 * outlets ("Ayatollah Ali Khamenei", "Ali Khamenehi", "Khamene'i"). `canonicalKey` folds those variants
 * into one key so a speaker can be followed across the corpus.
 */
import type { EntityType } from '../model/layers.js'

/** Honorifics, ranks and roles that precede a name and are not part of it (lower-case, no dots). */
const TITLES = new Set(
  [
    'mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother',
    'president vice prime minister secretary chancellor premier governor mayor senator sen rep representative',
    'congressman congresswoman speaker chairman chairwoman chair chief commander general gen major maj',
    'lieutenant lt colonel col captain capt admiral adm sergeant sgt brigadier marshal field',
    'king queen prince princess sheikh sheik ayatollah grand imam rabbi pope cardinal bishop archbishop',
    'seyyed sayyid sayed hojatoleslam hojjatoleslam mullah justice judge ambassador attorney foreign defence defense',
    'interior finance former late the supreme leader deputy acting ceo director spokesman spokeswoman spokesperson',
  ]
    .join(' ')
    .split(' '),
)

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii'])

const COMBINING_MARKS = /[\u0300-\u036f]/g
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bf\u02be`´]/g
const NON_WORD = /[^\p{L}\p{N}]+/gu
const ORG_ARTICLE = /^the /
/** Vowels and the letters transliterations add or drop freely (Khamenei / Khamenehi, Zelensky / Zelenskiy). */
const SOFT_LETTERS = /[aeiouhwy]/g
const DOUBLED = /(.)\1+/g

/** Lower-case, strip diacritics and apostrophes, and split into word tokens. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
}

/**
 * The consonant skeleton of one name token: the first letter kept (so "Ali" stays distinct from "Li"),
 * then vowels, h, w and y dropped, c/g/q folded to k (Gaddafi / Qaddafi / Kadhafi), z to s, ph to f, and doubled letters collapsed.
 */
export function consonantSkeleton(token: string): string {
  const folded = token.replace(/ph/g, 'f').replace(/[cgq]/g, 'k').replace(/z/g, 's')
  const first = folded.slice(0, 1)
  const rest = folded.slice(1).replace(SOFT_LETTERS, '')
  return `${first}${rest}`.replace(DOUBLED, '$1')
}

/** A PERSON name without the titles in front of it (or the suffixes after it). */
function stripTitles(tokens: string[]): string[] {
  let start = 0
  while (start < tokens.length - 1 && TITLES.has(tokens[start] as string)) start++
  let end = tokens.length
  // Only generational suffixes trail a name: "John Major" keeps its "Major".
  while (end - 1 > start && SUFFIXES.has(tokens[end - 1] as string)) end--
  return tokens.slice(start, end)
}

/**
 * The corpus-wide key of an entity: `TYPE:folded name`. PERSON names lose their titles and become a
 * consonant skeleton per token, so transliteration variants meet; other types are only lower-cased,
 * de-accented and stripped of punctuation and a leading "the".
 *
 * @example
 * canonicalKey('Ayatollah Ali Khamenei', 'PERSON') === canonicalKey('Ali Khamenehi', 'PERSON') // true
 * canonicalKey('The Islamic Revolution Guards Corps', 'ORG') // 'ORG:islamic revolution guards corps'
 */
export function canonicalKey(name: string, type: EntityType): string {
  const tokens = nameTokens(name)
  if (type === 'PERSON') {
    return `PERSON:${stripTitles(tokens).map(consonantSkeleton).join(' ')}`
  }
  return `${type}:${tokens.join(' ').replace(ORG_ARTICLE, '')}`
}

/**
 * The keys a user's name may stand for, most specific first: the PERSON key, then the same name as any
 * other speaker type (organisations, countries and groups speak too).
 *
 * @example candidateKeys('Salami')[0] // 'PERSON:slm'
 */
export function candidateKeys(name: string): string[] {
  const keys = [canonicalKey(name, 'PERSON')]
  for (const type of ['ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'MISC'] as const)
    keys.push(canonicalKey(name, type))
  return keys
}

/**
 * The last token of a PERSON key (the surname skeleton), used to find "Salami" when the corpus knows
 * "Hossein Salami". Null for other types.
 *
 * @example surnameOf('PERSON:hsn slm') // 'slm'
 */
export function surnameOf(key: string): string | null {
  if (!key.startsWith('PERSON:')) return null
  const tokens = key.slice('PERSON:'.length).split(' ')
  return tokens[tokens.length - 1] || null
}
