/**
 * Third-person pronouns outside direct quotes ("I" and "we" inside quotes belong to the attribution
 * stage's speaker, not to coref). "it" is taken only as the subject of a reporting verb ("it said",
 * "it has said"), because most other uses in news are pleonastic ("it is clear that").
 */
import { AUXILIARIES, REPORTING_VERBS } from '../grammar.js'
import type { Words } from '../words.js'
import { startsWithLetter } from '../words.js'

export type PronounCase = 'nom' | 'acc' | 'poss' | 'refl'
export type PronounClass = 'm' | 'f' | 'n' | 'pl'

export interface PronounHit {
  token: number
  cls: PronounClass
  grammaticalCase: PronounCase
}

const PRONOUNS: ReadonlyMap<string, [PronounClass, PronounCase]> = new Map([
  ['he', ['m', 'nom']],
  ['him', ['m', 'acc']],
  ['his', ['m', 'poss']],
  ['himself', ['m', 'refl']],
  ['she', ['f', 'nom']],
  ['her', ['f', 'poss']],
  ['hers', ['f', 'poss']],
  ['herself', ['f', 'refl']],
  ['it', ['n', 'nom']],
  ['its', ['n', 'poss']],
  ['itself', ['n', 'refl']],
  ['they', ['pl', 'nom']],
  ['them', ['pl', 'acc']],
  ['their', ['pl', 'poss']],
  ['theirs', ['pl', 'poss']],
  ['themselves', ['pl', 'refl']],
])

/** Words after which "her" cannot be a possessive determiner. */
const NOT_AFTER_POSSESSIVE = new Set(
  'to that why and or but in as for with from about a an the this that at on by into after before when while if than so because who what how'.split(
    ' ',
  ),
)

function nounMayFollow(words: Words, i: number): boolean {
  const next = words.text[i + 1]
  if (next === undefined || words.sentence[i + 1] !== words.sentence[i]) return false
  if (!startsWithLetter(next)) return false
  return !NOT_AFTER_POSSESSIVE.has(words.key[i + 1] as string)
}

function itIsReferential(words: Words, i: number): boolean {
  const next = words.key[i + 1]
  if (next === undefined) return false
  if (REPORTING_VERBS.has(next)) return true
  const after = words.key[i + 2]
  return AUXILIARIES.has(next) && after !== undefined && REPORTING_VERBS.has(after)
}

/**
 * Pronoun tokens of the document, left to right.
 *
 * @example findPronouns(words) // [{ token: 57, cls: 'm', grammaticalCase: 'nom' }] for "he added"
 */
export function findPronouns(words: Words): PronounHit[] {
  const out: PronounHit[] = []
  for (let i = 0; i < words.count; i++) {
    if (words.quoted[i]) continue
    const entry = PRONOUNS.get((words.text[i] as string).toLowerCase())
    if (!entry) continue
    if (entry[0] === 'n' && entry[1] === 'nom' && !itIsReferential(words, i)) continue
    let grammaticalCase = entry[1]
    // "her" is accusative when no noun follows it ("asks her why", "told her that", "her.").
    if (grammaticalCase === 'poss' && words.key[i] === 'her' && !nounMayFollow(words, i))
      grammaticalCase = 'acc'
    out.push({ token: i, cls: entry[0], grammaticalCase })
  }
  return out
}
