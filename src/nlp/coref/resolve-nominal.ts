/**
 * Links a role-noun phrase to an entity (Stanford's StrictHeadMatch, relaxed for news roles):
 *
 *   1. head match   an entity whose titles, roles or name hold the head ("commander", "movement"),
 *                   every modifier compatible; the most salient (else the most recent) wins
 *   2. salience     a definite phrase with no head match goes to the most salient entity of its type
 *                   within the window that has no known role of its own and no clashing modifier
 *                   (for organisations only generic heads: "the company", "the group")
 *   3. new entity   otherwise — and always for "a spokesman" or bare "officials" — the phrase is its own
 *                   entity, so attribution names the role instead of guessing a person
 *
 * A modifier is compatible when it is neutral ("military", "top"), a word of the entity (name, title,
 * earlier role phrases), part of a name whose entity appears in the entity's titles ("IRGC" for a title
 * naming the Islamic Revolution Guards Corps), or a nationality that matches the entity's (or the entity
 * has none on record).
 */
import type { EntityType } from '../../model/layers.js'
import type { CorefLexicon } from './lexicon.js'
import type { Cluster, WorkMention } from './model.js'
import { bySalience, salienceAt } from './salience.js'
import type { Words } from './words.js'

/** Organisation heads general enough to stand for any organisation in the salience fallback. */
const GENERIC_ORG_HEADS = new Set([
  'company',
  'firm',
  'group',
  'organisation',
  'organization',
  'movement',
  'corporation',
])

export interface NominalQuery {
  head: string
  type: EntityType
  plural: boolean
  determiner: 'definite' | 'indefinite' | 'none'
  modifiers: number[]
  start: number
  sentence: number
  /** The head is capitalised ("the Council", "the Supreme Leader"): head match only, no fallback. */
  capitalised?: boolean
}

export interface NominalContext {
  words: Words
  lex: CorefLexicon
  clusters: readonly Cluster[]
  /** The name mention covering each token, if any. */
  nameAt: (token: number) => WorkMention | undefined
}

function countriesOf(c: Cluster, lex: CorefLexicon): Set<string> {
  const out = new Set(c.countries)
  for (const w of c.words) {
    const k = lex.countries.get(w)
    if (k) out.add(k)
  }
  return out
}

function insideTitles(c: Cluster, m: WorkMention): boolean {
  return c.titles.some((t) => t.start <= m.start && m.end <= t.end)
}

/** Whether every modifier of the phrase fits the cluster. */
export function modifiersFit(
  ctx: NominalContext,
  c: Cluster,
  modifiers: number[],
  all: readonly Cluster[],
): boolean {
  const { words, lex } = ctx
  let countries: Set<string> | undefined
  for (const i of modifiers) {
    const key = words.key[i] as string
    if (lex.neutralModifiers.has(key) || c.words.has(key)) continue
    const country = lex.countries.get(key)
    if (country) {
      countries ??= countriesOf(c, lex)
      if (countries.size === 0 || countries.has(country)) continue
      return false
    }
    const name = ctx.nameAt(i)
    if (name) {
      if (name.cluster === c.id) continue
      const owner = all[name.cluster]
      if (owner && owner.mentions.some((m) => insideTitles(c, m))) continue
    }
    return false
  }
  return true
}

/** Organisation heads that describe the same kind of body ("the company" = "the firm"). */
const ORG_FAMILY: ReadonlyMap<string, string> = new Map([
  ...'company firm corporation manufacturer carmaker airline retailer insurer lender bank'
    .split(' ')
    .map((w): [string, string] => [w, 'business']),
  ...'group movement organisation organization militia network alliance coalition party union'
    .split(' ')
    .map((w): [string, string] => [w, 'group']),
])

/**
 * Whether an entity already has a role that rules the head out: a person with another role
 * ("President Biden" is no "commander"); an organisation whose name or description holds a head of
 * another kind ("the Securities and Exchange Commission" is no "firm"; "the group" may be a
 * "Movement").
 */
function hasOtherRole(ctx: NominalContext, c: Cluster, head: string): boolean {
  if (c.type === 'PERSON') {
    for (const r of c.roles) if (r !== head) return true
    return false
  }
  const family = ORG_FAMILY.get(head) ?? head
  for (const w of [...c.words, ...c.roles]) {
    const role = ctx.lex.roles.get(w)
    if (role && role.type !== 'PERSON' && (ORG_FAMILY.get(role.lemma) ?? role.lemma) !== family) return true
  }
  return false
}

/**
 * The cluster a role phrase refers to, or null for a new entity; `rule` says which step decided.
 *
 * @example resolveNominal(ctx, { head: 'commander', type: 'PERSON', … }) // { cluster: salami, rule: 'role-head' }
 */
export function resolveNominal(
  ctx: NominalContext,
  q: NominalQuery,
): { cluster: Cluster | null; rule: string } {
  if (q.determiner === 'indefinite') return { cluster: null, rule: 'role-new' }
  const earlier = ctx.clusters.filter(
    (c) => c.mentions.some((m) => m.end <= q.start) && c.type === q.type && c.plural === q.plural,
  )
  if (q.plural) {
    // "officials" ... "the officials": the same plural role, never a named entity.
    const same = earlier.filter(
      (c) => c.roleName !== null && c.roles.has(q.head) && modifiersFit(ctx, c, q.modifiers, ctx.clusters),
    )
    const pick = latestOf(same, q.start)
    return pick ? { cluster: pick, rule: 'role-plural' } : { cluster: null, rule: 'role-new' }
  }
  const salient = new Map(salienceAt(earlier, q.start, q.sentence).map((s) => [s.cluster, s]))
  const headMatches = earlier.filter(
    (c) => (c.roles.has(q.head) || c.words.has(q.head)) && modifiersFit(ctx, c, q.modifiers, ctx.clusters),
  )
  if (headMatches.length > 0) {
    const ranked = headMatches
      .map((c) => ({ c, score: salient.get(c)?.score ?? 0, latest: latestStart(c, q.start) }))
      .sort((a, b) => b.score - a.score || b.latest - a.latest)
    return { cluster: (ranked[0] as { c: Cluster }).c, rule: 'role-head' }
  }
  // "the Council" is more likely another body's name than a description of the salient one.
  if (q.determiner !== 'definite' || q.capitalised) return { cluster: null, rule: 'role-new' }
  // An organisation is only described generically ("the company", "the group"); "the ministry" after
  // "Reuters" is another organisation.
  if (q.type !== 'PERSON' && !GENERIC_ORG_HEADS.has(q.head)) return { cluster: null, rule: 'role-new' }
  const fallback = [...salient.values()]
    .filter((s) => s.cluster.roleName === null && !hasOtherRole(ctx, s.cluster, q.head))
    .filter((s) => modifiersFit(ctx, s.cluster, q.modifiers, ctx.clusters))
    .sort(bySalience)
  const pick = fallback[0]
  return pick ? { cluster: pick.cluster, rule: 'role-salience' } : { cluster: null, rule: 'role-new' }
}

function latestStart(c: Cluster, before: number): number {
  let latest = -1
  for (const m of c.mentions) if (m.start < before && m.start > latest) latest = m.start
  return latest
}

function latestOf(clusters: Cluster[], before: number): Cluster | undefined {
  return clusters.sort((a, b) => latestStart(b, before) - latestStart(a, before))[0]
}
