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
import { AUXILIARIES, CLAUSE_BREAKS, REPORTING_VERBS } from './grammar.js'
import type { Cluster } from './model.js'
import { bySalience, salienceAt, TOPIC_WINDOW_SENTENCES, type Salient } from './salience.js'
import { isCapitalised, startsLower, startsWithLetter, type Words } from './words.js'

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
      if (covered[j] || !startsWithLetter(w)) break
      const lower = w.toLowerCase()
      const isPlural =
        lower === 'people' ||
        (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !NOT_PLURAL.has(lower))
      if (!isCapitalised(w) && isPlural === plural) return true
    }
  }
  return false
}

/**
 * Whether a clause break lies between token `from` and token `to`. Two commas are taken for an
 * apposition ("Dr. Margaret Bell, the head of …, spotted her"), not a break; one comma is a break.
 */
function sameClause(words: Words, from: number, to: number): boolean {
  let commas = 0
  for (let i = from; i < to; i++) {
    const key = words.key[i] as string
    if (key === ',') commas++
    else if (CLAUSE_BREAKS.has(key)) return false
  }
  return commas === 0 || commas === 2
}

/**
 * Cataphora in an opening adverbial: "Since overcoming his illness, Kurt has …", "Living with her aunt,
 * Kelsey studied …". The pronoun sits before the sentence's first comma, no person is named before it
 * in the sentence, and the name right after the comma is the clause subject.
 */
function cataphor(words: Words, clusters: readonly Cluster[], hit: PronounHit): Salient | null {
  const i = hit.token
  const sentence = words.sentence[i]
  let start = i
  while (start > 0 && words.sentence[start - 1] === sentence) start--
  for (let k = start; k < i; k++) if (words.text[k] === ',') return null
  let comma = i + 1
  while (
    comma < words.count &&
    comma < i + 16 &&
    words.sentence[comma] === sentence &&
    words.text[comma] !== ','
  )
    comma++
  if (words.text[comma] !== ',') return null
  for (const cluster of clusters) {
    if (!agrees(cluster, hit)) continue
    for (const m of cluster.mentions) {
      if (m.start < words.starts[start]! || m.start >= (words.starts[i] as number)) continue
      if (m.type === 'PERSON') return null
    }
  }
  // The subject may carry a title or role first: "On her 18th birthday, orphan Angela …".
  let subjectAt = comma + 1
  while (
    subjectAt < comma + 4 &&
    startsLower(words.text[subjectAt] ?? '') &&
    !CLAUSE_BREAKS.has(words.key[subjectAt] as string)
  )
    subjectAt++
  for (const cluster of clusters) {
    if (!agrees(cluster, hit)) continue
    const m = cluster.mentions.find(
      (x) => (x.first === comma + 1 || x.first === subjectAt) && x.kind === 'name' && x.subject,
    )
    if (m) {
      return {
        cluster,
        score: 0,
        latest: m.start,
        latestSubject: true,
        latestSentence: m.sentence,
        latestLast: m.last,
      }
    }
  }
  return null
}

/** How far after "he said," a quotation may open and still be his. */
const QUOTE_REACH = 4

/**
 * Clusters named inside the quotation that a speaking pronoun introduces ("He said, “Andy Warhol was the
 * center of the Zeitgeist …”"): a speaker does not name himself in the third person, so the pronoun is
 * someone else. Empty unless the pronoun is the subject of a reporting verb.
 */
function namedInOwnQuote(words: Words, clusters: readonly Cluster[], hit: PronounHit): Set<Cluster> {
  const out = new Set<Cluster>()
  if (hit.grammaticalCase !== 'nom') return out
  let verb = hit.token + 1
  if (verb < words.count && AUXILIARIES.has(words.key[verb] as string)) verb++
  if (verb >= words.count || !REPORTING_VERBS.has(words.key[verb] as string)) return out
  let open = verb + 1
  while (open < words.count && open - verb <= QUOTE_REACH && !words.quoted[open]) open++
  if (open >= words.count || !words.quoted[open]) return out
  let close = open
  while (close + 1 < words.count && words.quoted[close + 1]) close++
  for (const c of clusters)
    if (c.mentions.some((m) => m.kind === 'name' && m.first >= open && m.first <= close)) out.add(c)
  return out
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
  if (hit.cls === 'm' || hit.cls === 'f') {
    const forward = cataphor(words, clusters, hit)
    if (forward) return forward
  }
  const quoted = namedInOwnQuote(words, clusters, hit)
  let candidates = salienceAt(clusters, offset, sentence).filter(
    (s) => agrees(s.cluster, hit) && !quoted.has(s.cluster),
  )
  if (candidates.length === 0 && (hit.cls === 'm' || hit.cls === 'f')) {
    const topic = salienceAt(clusters, offset, sentence, TOPIC_WINDOW_SENTENCES).filter((s) =>
      agrees(s.cluster, hit),
    )
    if (topic.length === 1) candidates = topic
  }
  if (hit.grammaticalCase === 'refl') {
    candidates = candidates.filter((s) => s.latestSentence === sentence)
  } else if (hit.grammaticalCase === 'acc') {
    candidates = candidates.filter(
      (s) => s.latestSentence !== sentence || !s.latestSubject || !sameClause(words, s.latestLast, hit.token),
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
