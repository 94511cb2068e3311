/**
 * The working state of coref: mentions with their token ranges, and clusters (entities in the making)
 * that pool attributes over their mentions (entity-centric, as in Stanford's sieve system).
 */
import type { EntityType, MentionKind } from '../../model/layers.js'
import type { Gender } from './lexicon.js'

export interface WorkMention {
  start: number
  end: number
  type: EntityType
  kind: MentionKind
  /** Token range `[first, last)`. */
  first: number
  last: number
  sentence: number
  subject: boolean
  /** Index of the input mention (name/acronym), or -1 for mentions coref adds. */
  input: number
  /** Name words (lower case, titles and possessive stripped); role-noun words for nominals. */
  words: string[]
  /** Surface of the name without titles, leading "the" or possessive; '' for nominals and pronouns. */
  name: string
  /**
   * Inside a larger mention of another entity ("Palestinian" in "the Palestinian people"): no salience
   * of its own, as embedded noun phrases get none in Lappin & Leass.
   */
  embedded?: boolean
  /** Which rule linked or created it, for debug output. */
  rule: string
  cluster: number
}

export interface Title {
  text: string
  start: number
  end: number
}

export interface Cluster {
  id: number
  type: EntityType
  mentions: WorkMention[]
  titles: Title[]
  gender: Gender | null
  plural: boolean
  /** Name for entities that have no name mention (role-noun entities such as "officials"). */
  roleName: string | null
  /** Lower-case words that describe the entity: name words, title words, role heads and modifiers. */
  words: Set<string>
  /** Role-noun lemmas from titles and nominal mentions ("commander", "movement"). */
  roles: Set<string>
  /** Country keys from titles, names and nationality modifiers ("iran"). */
  countries: Set<string>
}

export function newCluster(id: number, type: EntityType): Cluster {
  return {
    id,
    type,
    mentions: [],
    titles: [],
    gender: null,
    plural: false,
    roleName: null,
    words: new Set(),
    roles: new Set(),
    countries: new Set(),
  }
}

/** Types that may share an entity: NER often confuses GPE and LOC ("Gaza" vs "the Gaza Strip"). */
export function typeGroup(type: EntityType): string {
  return type === 'GPE' || type === 'LOC' ? 'PLACE' : type
}

/** Moves every mention and attribute of `from` into `into`; `from` is left empty. */
export function mergeClusters(into: Cluster, from: Cluster): void {
  for (const m of from.mentions) {
    m.cluster = into.id
    into.mentions.push(m)
  }
  from.mentions = []
  into.titles.push(...from.titles)
  from.titles = []
  into.gender ??= from.gender
  for (const w of from.words) into.words.add(w)
  for (const r of from.roles) into.roles.add(r)
  for (const c of from.countries) into.countries.add(c)
}
