/**
 * Name clustering, as an ordered list of sieves (Raghunathan et al. 2010; Lee et al. 2013): each pass
 * links with less evidence than the one before, so the precise passes decide first.
 *
 *   1. exact        same name words, same type group ("Salami" / "Salami’s")
 *   2. acronym      "Islamic Revolution Guards Corps (IRGC)"; "IRGC" whose capitals spell a known name
 *                   (any non-person type: the tagger often guesses a bare acronym's type wrong, "KPA"
 *                   as GPE beside "Korean People's Army"); a state's listed alias ("DPRK" = "North Korea")
 *   3. person-part  "Salami" -> "Hossein Salami" (surname, or suffix), first name when unambiguous;
 *                   with two candidates the one named most so far, then the nearest earlier one; a
 *                   lone surname one letter longer or shorter than exactly one person's surname is a
 *                   misspelling of it ("Mauer" for "K.C. Maurer", "Water said" for Kathryn Waters)
 *   4. name-prefix  "Hezbollah" -> "Hezbollah Resistance Movement", "Gaza" -> "Gaza Strip", when the
 *                   longer name came first, ends in a generic designator ("Movement", "Strip") and is
 *                   the only one sharing the prefix; or the short form ends in one and the longer name
 *                   goes on with of/for ("Andy Warhol Foundation" -> "… Foundation for the Visual Arts") ("Islamic Revolution" is no "Islamic Revolution
 *                   Guards Corps": "Corps" is a designator of its own name, not of "Islamic Revolution")
 *
 * PERSON never merges with another type.
 */
import { newCluster, mergeClusters, typeGroup, type Cluster, type WorkMention } from './model.js'
import type { PreparedName } from './name-mentions.js'
import { aliasKey, corefLexicon } from './lexicon.js'
import { isAcronym, type Words } from './words.js'

/** Words skipped when an acronym is spelled from a name's capitals ("Organization of the Petroleum …"). */
/** Last words that make a longer name a designated form of its first words ("Gaza" -> "Gaza Strip"). */
const DESIGNATORS = new Set(
  'movement party group organization organisation company corporation corp inc ltd plc llc co strip city state province county region district island islands republic front institution institute university foundation'.split(
    ' ',
  ),
)

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'des', 'al', 'on', 'in', '&'])

export class ClusterSet {
  readonly all: Cluster[] = []

  create(type: WorkMention['type']): Cluster {
    const c = newCluster(this.all.length, type)
    this.all.push(c)
    return c
  }

  get(id: number): Cluster {
    return this.all[id] as Cluster
  }

  add(cluster: Cluster, m: WorkMention, rule: string): void {
    m.cluster = cluster.id
    m.rule = rule
    cluster.mentions.push(m)
    for (const w of m.words) cluster.words.add(w)
  }

  merge(a: Cluster, b: Cluster, rule: string): Cluster {
    if (a === b) return a
    const [into, from] = firstStart(a) <= firstStart(b) ? [a, b] : [b, a]
    for (const m of from.mentions) m.rule = rule
    mergeClusters(into, from)
    return into
  }

  live(): Cluster[] {
    return this.all.filter((c) => c.mentions.length > 0 || c.roleName !== null)
  }
}

function firstStart(c: Cluster): number {
  return c.mentions.reduce((min, m) => Math.min(min, m.start), Number.POSITIVE_INFINITY)
}

/**
 * The exact-match key: type group and name words. Nationalities and groups match across number
 * ("Palestinian" / "Palestinians", "Democrat" / "Democrats").
 */
function key(m: WorkMention): string {
  const words = m.type === 'NORP' ? m.words.map((w) => (w.length > 4 ? w.replace(/s$/, '') : w)) : m.words
  return `${typeGroup(m.type)}|${words.join(' ')}`
}

/** Pass 1 (multi-word names and acronyms) and the final exact pass for what the partial pass left. */
function exactPass(set: ClusterSet, mentions: WorkMention[], byKey: Map<string, Cluster>): void {
  for (const m of mentions) {
    const k = key(m)
    let c = byKey.get(k)
    if (!c || c.mentions.length === 0) {
      c = set.create(m.type)
      byKey.set(k, c)
    }
    set.add(c, m, c.mentions.length === 0 ? 'name' : 'exact')
  }
}

/** Capitals of a multi-word name ("islamic revolution guards corps" from its surface words). */
function initials(surfaceWords: string[]): string {
  return surfaceWords
    .filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase()
}

function acronymPass(set: ClusterSet, names: WorkMention[], words: Words, text: string): void {
  const nameEndingAt = new Map<number, WorkMention>()
  for (const m of names) nameEndingAt.set(m.last, m)
  for (const m of names) {
    if (m.type === 'PERSON') continue
    const surface = text.slice(m.start, m.end)
    if (m.kind !== 'acronym' && !isAcronym(surface)) continue
    const letters = surface.replace(/\./g, '').toUpperCase()
    const own = set.get(m.cluster)
    // "Islamic Revolution Guards Corps (IRGC)": the name right before the bracket.
    if (words.text[m.first - 1] === '(') {
      const expansion = nameEndingAt.get(m.first - 1)
      if (expansion && expansion.type !== 'PERSON') {
        set.merge(set.get(expansion.cluster), own, 'acronym-paren')
        continue
      }
    }
    const candidates = new Set<Cluster>()
    for (const other of names) {
      if (other.cluster === m.cluster || other.words.length < 2) continue
      // A bare acronym has no context to type it by, so its type does not veto a spelled-out name.
      if (other.type === 'PERSON') continue
      const surfaceWords = text.slice(other.start, other.end).split(/\s+/)
      if (initials(surfaceWords) === letters) candidates.add(set.get(other.cluster))
    }
    if (candidates.size === 1)
      set.merge([...candidates][0] as Cluster, set.get(m.cluster), 'acronym-initials')
  }
}

/**
 * "DPRK" / "Democratic People's Republic of Korea" -> "North Korea": names that the alias table lists as
 * one state merge when exactly one cluster in the document holds another form of that state.
 */
function stateAliasPass(
  set: ClusterSet,
  names: WorkMention[],
  text: string,
  aliases: ReadonlyMap<string, string>,
): void {
  const stateOf = (m: WorkMention): string | undefined =>
    m.type === 'PERSON' ? undefined : aliases.get(aliasKey(text.slice(m.start, m.end)))
  for (const m of names) {
    const state = stateOf(m)
    if (state === undefined) continue
    const candidates = new Set<Cluster>()
    for (const other of names)
      if (other.cluster !== m.cluster && stateOf(other) === state) candidates.add(set.get(other.cluster))
    if (candidates.size === 1) set.merge([...candidates][0] as Cluster, set.get(m.cluster), 'state-alias')
  }
}

/** "Salami" in "Hossein Salami"; "Ali Khamenei" in "Seyyed Ali Khamenei" (suffix); first name. */
function personCandidates(set: ClusterSet, m: WorkMention): { surname: Cluster[]; first: Cluster[] } {
  const surname = new Set<Cluster>()
  const first = new Set<Cluster>()
  const w = m.words
  for (const c of set.all) {
    if (c.type !== 'PERSON') continue
    for (const other of c.mentions) {
      const n = other.words
      if (n.length <= w.length) continue
      const suffix = n.slice(n.length - w.length).join(' ') === w.join(' ')
      if (suffix) surname.add(c)
      else if (w.length === 1 && n[0] === w[0]) first.add(c)
    }
  }
  return { surname: [...surname], first: [...first] }
}

/** The candidate with the latest mention before `m`, else the one whose first mention comes soonest after. */
function nearest(candidates: Cluster[], m: WorkMention): Cluster | undefined {
  let best: Cluster | undefined
  let bestStart = -1
  for (const c of candidates) {
    for (const o of c.mentions) {
      if (o.start < m.start && o.start > bestStart) {
        best = c
        bestStart = o.start
      }
    }
  }
  if (best) return best
  return [...candidates].sort((a, b) => firstStart(a) - firstStart(b))[0]
}

/**
 * Among several people sharing a surname, the one named most often so far: a bare surname in news
 * usually means the story's main subject ("Mohamed" after "His father Mohamed El-Hassan Mohamed" is
 * still Ahmed Mohamed). A tie (two Smiths introduced once each) goes to the nearest.
 */
function topical(candidates: Cluster[], m: WorkMention): Cluster | undefined {
  const counts = candidates.map((c) => c.mentions.filter((o) => o.start < m.start).length)
  const top = Math.max(...counts)
  return nearest(
    candidates.filter((_, i) => counts[i] === top),
    m,
  )
}

function personPartPass(set: ClusterSet, mentions: WorkMention[], byKey: Map<string, Cluster>): void {
  const rest: WorkMention[] = []
  for (const m of mentions) {
    const { surname, first } = personCandidates(set, m)
    if (surname.length > 0) {
      set.add(topical(surname, m) as Cluster, m, surname.length === 1 ? 'surname' : 'surname-topic')
    } else if (first.length === 1) {
      set.add(first[0] as Cluster, m, 'first-name')
    } else {
      const variant = misspeltSurnameOf(set, m)
      if (variant) set.add(variant, m, 'surname-variant')
      else rest.push(m)
    }
  }
  exactPass(set, rest, byKey)
}

/** Surnames shorter than this are too common as words to read a one-letter difference as a typo. */
const MIN_VARIANT_LENGTH = 5

/**
 * The one person whose multi-word name ends in a word one inserted or dropped letter away from the lone
 * name `m` ("Mauer" / "Maurer", "Water" / "Waters"). A changed letter is not enough ("Osama" is no
 * "Obama"), a known first name is not a surname ("Roger" / "Rogers"), a plural is the family ("the
 * Kennedys"), and two such people leave `m` alone.
 */
function misspeltSurnameOf(set: ClusterSet, m: WorkMention): Cluster | undefined {
  const w = m.words[0] as string
  // a first name is a name of its own ("Roger" is no misspelt "Rogers")
  if (m.words.length !== 1 || w.length < MIN_VARIANT_LENGTH - 1 || corefLexicon().firstNames.has(w))
    return undefined
  const found = new Set<Cluster>()
  for (const c of set.all) {
    if (c.type !== 'PERSON') continue
    for (const other of c.mentions) {
      const last = other.words[other.words.length - 1] as string
      if (other.words.length < 2 || Math.max(last.length, w.length) < MIN_VARIANT_LENGTH) continue
      // "the Stroescus" beside "Ioan Stroescu" is his family, not a misspelling of him
      if (oneLetterApart(w, last) && w !== `${last}s`) found.add(c)
    }
  }
  return found.size === 1 ? [...found][0] : undefined
}

/** Whether `a` and `b` differ by exactly one inserted or dropped letter, the first letter kept. */
function oneLetterApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  if (long.length !== short.length + 1 || short[0] !== long[0]) return false
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  return short.slice(i) === long.slice(i + 1)
}

/** Words that join a designated name to what it is for or of ("Foundation for the Visual Arts"). */
const OF_PHRASE = new Set(['of', 'for'])

/**
 * Whether `short` (space-joined words) names the organisation `long` (its words) by a prefix: `long`
 * ends in a designator ("Hezbollah Resistance Movement" for "Hezbollah"), or `short` ends in one and
 * `long` goes on with its of/for phrase ("Andy Warhol Foundation" for "Andy Warhol Foundation for the
 * Visual Arts"); a one-word short form of the second kind ("Foundation") is a role noun, not a name.
 */
function designatedPrefix(long: readonly string[], short: string): boolean {
  const joined = long.join(' ')
  if (!`${joined} `.startsWith(`${short} `)) return false
  if (DESIGNATORS.has(long[long.length - 1] as string)) return true
  const shortWords = short.split(' ')
  const next = long[shortWords.length]
  return (
    shortWords.length >= 2 &&
    DESIGNATORS.has(shortWords[shortWords.length - 1] as string) &&
    next !== undefined &&
    OF_PHRASE.has(next)
  )
}

function namePrefixPass(set: ClusterSet): void {
  for (const short of set.all) {
    if (short.mentions.length === 0 || short.type === 'PERSON') continue
    const shortNames = short.mentions.filter((m) => m.kind === 'name').map((m) => m.words.join(' '))
    if (shortNames.length === 0) continue
    const maxLen = Math.max(...short.mentions.map((m) => m.words.length))
    const start = firstStart(short)
    const candidates = set.all.filter(
      (long) =>
        long !== short &&
        long.type !== 'PERSON' &&
        typeGroup(long.type) === typeGroup(short.type) &&
        firstStart(long) < start &&
        long.mentions.some(
          (o) => o.words.length > maxLen && shortNames.some((s) => designatedPrefix(o.words, s)),
        ),
    )
    if (candidates.length === 1) set.merge(candidates[0] as Cluster, short, 'name-prefix')
  }
}

/**
 * Runs the name sieves over prepared name mentions (role-only names are left for the role-noun pass).
 *
 * @example clusterNames(set, prepared, words, doc.text) // set.all holds one cluster per entity
 */
export function clusterNames(
  set: ClusterSet,
  prepared: PreparedName[],
  words: Words,
  text: string,
  stateAliases: ReadonlyMap<string, string> = new Map(),
): void {
  const names = prepared.filter((p) => !p.roleOnly).map((p) => p.mention)
  const byKey = new Map<string, Cluster>()
  const isShortPerson = (m: WorkMention): boolean => m.type === 'PERSON' && m.words.length === 1
  exactPass(
    set,
    names.filter((m) => !isShortPerson(m)),
    byKey,
  )
  // Multi-word person names that are a suffix of a longer one ("Ali Khamenei" / "Seyyed Ali Khamenei").
  for (const c of [...set.all]) {
    if (c.type !== 'PERSON' || c.mentions.length === 0) continue
    const m = c.mentions[0] as WorkMention
    const { surname } = personCandidates(set, m)
    const others = surname.filter((o) => o !== c)
    if (others.length === 1) set.merge(others[0] as Cluster, c, 'name-suffix')
  }
  acronymPass(set, names, words, text)
  stateAliasPass(set, names, text, stateAliases)
  personPartPass(set, names.filter(isShortPerson), byKey)
  namePrefixPass(set)
}
