/**
 * Finds role-noun phrases: "The IRGC chief commander", "the Iranian military commander", "the group",
 * "a spokesman", "Israeli officials". A singular head needs a determiner (the/this/that, a/an, or a
 * possessive: "Iran’s foreign minister"); a plural head may stand bare. The phrase runs back from the
 * head over modifiers we can judge later (acronyms, capitalised words, demonyms, other role nouns,
 * neutral modifiers, title words).
 */
import type { EntityType } from '../../../model/layers.js'
import { AUXILIARIES, isVerbLike, REPORTING_VERBS } from '../grammar.js'
import type { CorefLexicon, RoleNoun } from '../lexicon.js'
import { hasLetter, isCapitalised, type Words } from '../words.js'

export interface RoleNominal {
  first: number
  last: number
  /** Token of the head noun. */
  headToken: number
  head: string
  type: EntityType
  plural: boolean
  determiner: 'definite' | 'indefinite' | 'none'
  /** Modifier tokens (between determiner and head). */
  modifiers: number[]
}

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those'])
const INDEFINITE = new Set(['a', 'an', 'another'])
/** Quantifiers that may open a plural role phrase ("two officials", "some analysts"). */
const QUANTIFIERS = new Set([
  'some',
  'many',
  'several',
  'few',
  'two',
  'three',
  'four',
  'five',
  'other',
  'most',
  'all',
])
/**
 * Role nouns that are often adjectives or verbs ("the general public", "the official website",
 * "the chief reason"): as heads they must be followed by punctuation or a verb-like word.
 */
const ADJECTIVE_LIKE = new Set([
  'general',
  'chief',
  'official',
  'executive',
  'deputy',
  'head',
  'source',
  'major',
  'member',
  'party',
])

const LOWER_WORD = /^[a-z][a-z-]*[a-z]$/
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"])
/** Words that are no noun heads, though lower-case and before a verb ("they said", "it said", "also said"). */
const NOT_NOUNS = new Set(
  'he she it they we you i who which that this these those there what all some many most few both each others one also then now later still often never not only just has have had is are was were will would could should may might must can did does do been being says said'.split(
    ' ',
  ),
)

/**
 * A common noun the lexicon lacks that speaks all the same: the subject of a reporting verb ("critics said",
 * "voters say", "the campaign has said"). A plural is a group of people, a singular a body or a document
 * ("the campaign", "the report"): attribution then has a role entity for a source the text never names.
 */
function speakingNoun(words: Words, i: number): RoleNoun | undefined {
  const key = words.key[i] as string
  const text = words.text[i] as string
  const sentenceStart = i === 0 || words.sentence[i - 1] !== words.sentence[i]
  // lower case, or capitalised only because it opens the sentence ("Critics said …")
  if (!LOWER_WORD.test(sentenceStart ? key : text) || NOT_NOUNS.has(key)) return undefined
  let next = i + 1
  if (next < words.count && AUXILIARIES.has(words.key[next] as string)) {
    // "no deaths were reported", "the response was reported": a passive subject is what is reported
    if (BE_FORMS.has(words.key[next] as string)) return undefined
    next++
  }
  if (next >= words.count || words.sentence[next] !== words.sentence[i]) return undefined
  if (!REPORTING_VERBS.has(words.key[next] as string)) return undefined
  const plural = key.endsWith('s') && !key.endsWith('ss')
  return plural
    ? { lemma: key.slice(0, -1), type: 'PERSON', plural: true }
    : { lemma: key, type: 'ORG', plural: false }
}

function modifierToken(words: Words, lex: CorefLexicon, i: number): boolean {
  const text = words.text[i] as string
  const key = words.key[i] as string
  if (!hasLetter(text) || words.possessive[i] || words.clitic[i]) return false
  if (DEFINITE.has(key) || INDEFINITE.has(key) || QUANTIFIERS.has(key)) return false
  if (isCapitalised(text)) return true
  return lex.roles.has(key) || lex.neutralModifiers.has(key) || lex.titles.has(key) || lex.countries.has(key)
}

function headAllowed(words: Words, lex: CorefLexicon, i: number): boolean {
  const key = words.key[i] as string
  const next = words.text[i + 1]
  const sameSentence = i + 1 < words.count && words.sentence[i + 1] === words.sentence[i]
  if (words.possessive[i]) return true
  if (sameSentence && next !== undefined) {
    const nextKey = words.key[i + 1] as string
    // A compound continues: "army commander" has its head on "commander".
    if (lex.roles.has(nextKey)) return false
    // A title before a name ("commander Hossein Salami") is the name's, not a nominal.
    if (isCapitalised(next) && hasLetter(next)) return false
    if (ADJECTIVE_LIKE.has(key)) return !hasLetter(next) || isVerbLike(nextKey)
  }
  return true
}

/**
 * Role-noun phrases of a document, left to right; tokens in `skip` (names, appositions) are not heads.
 *
 * @example findRoleNominals(words, lex, skip) // [{ head: 'commander', determiner: 'definite', … }]
 */
export function findRoleNominals(words: Words, lex: CorefLexicon, skip: Uint8Array): RoleNominal[] {
  const out: RoleNominal[] = []
  for (let i = 0; i < words.count; i++) {
    if (skip[i] || words.quoted[i]) continue
    const role = lex.roles.get(words.key[i] as string) ?? speakingNoun(words, i)
    if (!role || !headAllowed(words, lex, i)) continue
    // Plural organisation nouns ("resistance groups") are rarely sources and never single antecedents.
    if (role.plural && role.type !== 'PERSON') continue
    const text = words.text[i] as string
    // Upper-case heads are names ("Supreme Leader" is handled when the entities stage tags it) unless a
    // determiner precedes: "the Supreme Leader has noted".
    let first = i
    const modifiers: number[] = []
    while (
      first - 1 >= 0 &&
      words.sentence[first - 1] === words.sentence[i] &&
      modifierToken(words, lex, first - 1)
    ) {
      first--
      modifiers.unshift(first)
    }
    // Capitalised modifiers right at a sentence start without a determiner are not ours to judge.
    let before = first - 1 >= 0 && words.sentence[first - 1] === words.sentence[i] ? first - 1 : -1
    // A split clitic ("Iran" "’s"): the possessor is the determiner.
    if (before > 0 && words.clitic[before]) before--
    const beforeKey = before >= 0 ? (words.key[before] as string) : ''
    let determiner: RoleNominal['determiner'] = 'none'
    if (DEFINITE.has(beforeKey) || (before >= 0 && words.possessive[before])) determiner = 'definite'
    else if (INDEFINITE.has(beforeKey)) determiner = 'indefinite'
    else if (role.plural && QUANTIFIERS.has(beforeKey)) determiner = 'indefinite'
    if (determiner === 'none' && !role.plural) continue
    if (
      determiner === 'none' &&
      isCapitalised(text) &&
      modifiers.length === 0 &&
      i > 0 &&
      words.sentence[i - 1] === words.sentence[i]
    )
      continue
    // A possessor ("Iran’s foreign minister") is part of the phrase and a modifier to judge.
    if (determiner === 'definite' && words.possessive[before]) modifiers.unshift(before)
    const start = determiner !== 'none' ? before : first
    out.push({
      first: start,
      last: i + 1,
      headToken: i,
      head: role.lemma,
      type: role.type,
      plural: role.plural,
      determiner,
      modifiers,
    })
  }
  return out
}
