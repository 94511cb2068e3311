/**
 * Resolves a third-person pronoun to an entity by salience (salience.ts) after filtering on agreement:
 * he/she need a PERSON of compatible gender (unknown fits both); it/its a singular organisation or
 * place; they/them a plural entity (a role such as "officials", a plural nationality such as
 * "Palestinians") or an organisation. Nominative pronouns prefer an antecedent that was itself a subject
 * (+35, L&L's parallelism). Object pronouns skip antecedents in their own clause (binding: "Salami
 * praised him" is not Salami). "it" and "they" abstain when an unlinked noun phrase of their number
 * stands between the antecedent and the pronoun ("the Zionist regime is collapsing and it …").
 * An unresolved pronoun is left out of the output.
 */
import type { EntityType } from '../../model/layers.js'
import type { PronounHit } from './finders/pronouns.js'
import { CLAUSE_BREAKS } from './grammar.js'
import type { Cluster } from './model.js'
import { bySalience, salienceAt, type Salient } from './salience.js'
import { isCapitalised, type Words } from './words.js'

const PARALLELISM = 35
const THING_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'GPE', 'FAC', 'PRODUCT'])
const NP_OPENERS_SINGULAR = new Set(['the', 'a', 'an', 'this', 'that'])
const NP_OPENERS_PLURAL = new Set(['the', 'other', 'some', 'many', 'these', 'those', 'several'])
/** Words ending in -s that are not plural nouns. */
const NOT_PLURAL = new Set([
  'its',
  'this',
  'his',
  'has',
  'was',
  'is',
  'as',
  'us',
  'thus',
  'news',
  'less',
  'process',
  'press',
  'access',
  'success',
  'crisis',
  'basis',
  'analysis',
  'status',
  'bus',
])

function agrees(c: Cluster, hit: PronounHit): boolean {
  switch (hit.cls) {
    case 'm':
    case 'f':
      return c.type === 'PERSON' && !c.plural && (c.gender === null || c.gender === hit.cls)
    case 'n':
      return THING_TYPES.has(c.type) && !c.plural
    case 'pl':
      return c.plural
  }
}

/** Whether tokens `(from, to)` hold a noun phrase of the pronoun's number that no mention covers. */
function blocked(words: Words, from: number, to: number, plural: boolean, covered: Uint8Array): boolean {
  const openers = plural ? NP_OPENERS_PLURAL : NP_OPENERS_SINGULAR
  for (let i = from; i < to; i++) {
    if (covered[i] || !openers.has(words.key[i] as string)) continue
    for (let j = i + 1; j < Math.min(to, i + 4); j++) {
      const w = words.text[j] as string
      if (covered[j] || !/^\p{L}/u.test(w)) break
      const lower = w.toLowerCase()
      const isPlural =
        lower === 'people' ||
        (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !NOT_PLURAL.has(lower))
      if (!isCapitalised(w) && isPlural === plural) return true
    }
  }
  return false
}

/** Whether a clause break lies between token `from` and token `to`. */
function sameClause(words: Words, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAKS.has(words.key[i] as string)) return false
  return true
}

/**
 * The entity a pronoun refers to, or null when none agrees or the choice is blocked.
 *
 * @example resolvePronoun(words, clusters, hit, covered) // the Salami cluster for "he added"
 */
export function resolvePronoun(
  words: Words,
  clusters: readonly Cluster[],
  hit: PronounHit,
  covered: Uint8Array,
): Salient | null {
  const offset = words.starts[hit.token] as number
  const sentence = words.sentence[hit.token] as number
  let candidates = salienceAt(clusters, offset, sentence).filter((s) => agrees(s.cluster, hit))
  if (hit.grammaticalCase === 'refl') {
    candidates = candidates.filter((s) => s.latestSentence === sentence)
  } else if (hit.grammaticalCase === 'acc') {
    candidates = candidates.filter(
      (s) => s.latestSentence !== sentence || !sameClause(words, s.latestLast, hit.token),
    )
  }
  const scored = candidates.map((s) => ({
    ...s,
    score: s.score + (hit.grammaticalCase !== 'acc' && s.latestSubject ? PARALLELISM : 0),
  }))
  scored.sort(bySalience)
  const best = scored[0]
  if (!best) return null
  if (
    (hit.cls === 'n' || hit.cls === 'pl') &&
    blocked(words, best.latestLast, hit.token, hit.cls === 'pl', covered)
  ) {
    return null
  }
  return best
}
