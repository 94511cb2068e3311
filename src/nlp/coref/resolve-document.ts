/**
 * The coref run over one document, in the order the evidence allows:
 *
 *   1. name sieves       names and acronyms into entities (name-sieves.ts)
 *   2. titles            premodifier titles and role appositions onto PERSON entities; appositions
 *                        become nominal mentions (titles.ts) — before 3, so role nouns can match titles
 *   3. gender            from title words and first names
 *   4. left to right     role-noun phrases, title-only names ("Supreme Leader") and pronouns, each
 *                        resolved against what came before it, so each resolved mention adds salience
 *                        (and gender) for the next
 */
import type { DocView } from '../../model/doc-view.js'
import { TokenKind } from '../../model/tokens.js'
import type { Mention } from '../../model/layers.js'
import { findPronouns, type PronounHit } from './finders/pronouns.js'
import { findRoleNominals, type RoleNominal } from './finders/role-nominals.js'
import { isSubject } from './grammar.js'
import type { CorefLexicon } from './lexicon.js'
import type { Cluster, Title, WorkMention } from './model.js'
import { prepareName, type PreparedName } from './name-mentions.js'
import { ClusterSet, clusterNames } from './name-sieves.js'
import { resolveNominal, type NominalContext } from './resolve-nominal.js'
import { resolvePronoun } from './resolve-pronoun.js'
import { findTitles } from './titles.js'
import { buildWords, hasLetter, isCapitalised, type Words } from './words.js'

export interface CorefResult {
  set: ClusterSet
  /** Every working mention: the input ones (same order) followed by those coref added. */
  mentions: WorkMention[]
}

function tokenRange(words: Words, start: number, end: number): [number, number] {
  let first = 0
  while (first < words.count && (words.ends[first] as number) <= start) first++
  let last = first
  while (last < words.count && (words.starts[last] as number) < end) last++
  return [first, last]
}

function addTitle(set: ClusterSet, words: Words, lex: CorefLexicon, c: Cluster, title: Title): void {
  c.titles.push(title)
  const [first, last] = tokenRange(words, title.start, title.end)
  for (let i = first; i < last; i++) {
    const key = words.key[i] as string
    if (!hasLetter(key)) continue
    c.words.add(key)
    const role = lex.roles.get(key)
    if (role && role.type === c.type) c.roles.add(role.lemma)
    const gender = lex.titles.get(key)
    if (gender && c.gender === null) c.gender = gender
  }
  void set
}

/** Marks name mentions of other entities inside tokens `[first, last)` as embedded (no salience). */
function markEmbedded(prepared: PreparedName[], first: number, last: number, owner: number): void {
  for (const p of prepared) {
    if (p.mention.first >= first && p.mention.last <= last && p.mention.cluster !== owner)
      p.mention.embedded = true
  }
}

const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'another'])

/** Joins titles that touch ("Ayatollah" before the span + "Seyyed" inside it -> "Ayatollah Seyyed"). */
function joinAdjacent(text: string, titles: Title[]): Title[] {
  const out: Title[] = []
  for (const t of [...titles].sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1]
    if (prev && t.start > prev.end && !text.slice(prev.end, t.start).trim()) {
      out[out.length - 1] = { text: text.slice(prev.start, t.end), start: prev.start, end: t.end }
    } else out.push(t)
  }
  return out
}

function nominalMention(
  words: Words,
  first: number,
  last: number,
  type: Cluster['type'],
  modifiers: string[],
  head: string,
): WorkMention {
  return {
    start: words.starts[first] as number,
    end: words.ends[last - 1] as number,
    type,
    kind: 'nominal',
    first,
    last,
    sentence: words.sentence[first] as number,
    subject: isSubject(words, first, last),
    input: -1,
    words: [...modifiers, head],
    name: '',
    rule: 'nominal',
    cluster: -1,
  }
}

function attach(
  set: ClusterSet,
  lex: CorefLexicon,
  c: Cluster,
  m: WorkMention,
  head: string,
  rule: string,
): void {
  set.add(c, m, rule)
  if (lex.roles.get(head)?.type === c.type) c.roles.add(head)
  const gender = lex.titles.get(head)
  if (gender && c.gender === null) c.gender = gender
}

/** What the left-to-right pass (step 4) visits, in token order. */
type Event =
  | { at: number; kind: 'nominal'; nominal: RoleNominal }
  | { at: number; kind: 'role-name'; prepared: PreparedName }
  | { at: number; kind: 'pronoun'; hit: PronounHit }

/** The state one document's resolution shares between its steps. */
interface Resolution {
  doc: DocView
  words: Words
  lex: CorefLexicon
  set: ClusterSet
  prepared: PreparedName[]
  /** Tokens inside a name, title, apposition or resolved role phrase. */
  covered: Uint8Array
  /** Mentions coref adds, in the order it adds them. */
  added: WorkMention[]
}

// The steps are separate functions, not one long body: V8 compiles (and, on a deoptimisation,
// recompiles) each on its own, and recompiling the single function they once were cost about 2 s of
// optimising-compiler time in every fresh worker thread (issue #6).

/** 2. Titles and appositions onto the name mentions' entities. */
function addTitlesAndAppositions(r: Resolution): void {
  const { doc, words, lex, set, covered } = r
  for (const p of r.prepared) {
    if (p.roleOnly) continue
    const m = p.mention
    const c = set.get(m.cluster)
    const found = findTitles(doc.text, words, lex, m, p.scanFrom)
    for (const t of joinAdjacent(doc.text, p.title ? [...found.titles, p.title] : found.titles)) {
      addTitle(set, words, lex, c, t)
    }
    for (const a of found.appositives) {
      for (let i = a.first; i < a.last; i++) covered[i] = 1
      const nominal = nominalMention(words, a.first, a.last, c.type, a.words, a.head)
      attach(set, lex, c, nominal, a.head, 'apposition')
      r.added.push(nominal)
      markEmbedded(r.prepared, a.first, a.last, c.id)
    }
    for (const t of found.titles)
      for (let i = tokenRange(words, t.start, t.end)[0]; i < tokenRange(words, t.start, t.end)[1]; i++)
        covered[i] = 1
  }
}

/** 3. Gender from first names ("Hossein Salami" -> m), when titles gave none. */
function genderFromFirstNames(set: ClusterSet, lex: CorefLexicon): void {
  for (const c of set.all) {
    if (c.type !== 'PERSON' || c.gender !== null) continue
    for (const m of c.mentions) {
      const firstName = m.words.length > 1 ? lex.firstNames.get(m.words[0] as string) : undefined
      if (firstName) {
        c.gender = firstName
        break
      }
    }
  }
}

/** Role-noun phrases, title-only names and pronouns, sorted by token (a stable sort: ties keep this order). */
function events(r: Resolution): Event[] {
  const out: Event[] = []
  for (const n of findRoleNominals(r.words, r.lex, r.covered))
    out.push({ at: n.first, kind: 'nominal', nominal: n })
  for (const p of r.prepared)
    if (p.roleOnly) out.push({ at: p.mention.first, kind: 'role-name', prepared: p })
  for (const h of findPronouns(r.words)) out.push({ at: h.token, kind: 'pronoun', hit: h })
  return out.sort((a, b) => a.at - b.at)
}

/** A pronoun linked to the most salient compatible entity. */
function resolvePronounEvent(r: Resolution, hit: PronounHit): void {
  const { words, set } = r
  const best = resolvePronoun(words, set.all, hit, r.covered)
  if (!best) return
  const c = best.cluster
  const i = hit.token
  const m: WorkMention = {
    start: words.starts[i] as number,
    end: words.ends[i] as number,
    type: c.type,
    kind: 'pronoun',
    first: i,
    last: i + 1,
    sentence: words.sentence[i] as number,
    subject: hit.grammaticalCase === 'nom',
    input: -1,
    words: [],
    name: '',
    rule: 'pronoun',
    cluster: -1,
  }
  set.add(c, m, 'pronoun')
  if ((hit.cls === 'm' || hit.cls === 'f') && c.gender === null) c.gender = hit.cls
  r.added.push(m)
}

/** A title-only name ("Supreme Leader") resolved like a definite role noun. */
function resolveRoleName(r: Resolution, ctx: NominalContext, p: PreparedName): void {
  const { doc, words, lex, set } = r
  const m = p.mention
  const head = lex.roles.get(words.key[m.last - 1] as string)?.lemma ?? (words.key[m.last - 1] as string)
  const modifiers: number[] = []
  for (let i = m.first; i < m.last - 1; i++)
    if (words.key[i] !== 'the' && hasLetter(words.text[i] as string)) modifiers.push(i)
  // Inside a title or role phrase already given to a person ("Supreme Leader" in "Supreme Leader of
  // the Islamic Revolution, Ayatollah Seyyed Ali Khamenei"): that person.
  const holder = set.all.find(
    (c) =>
      c.titles.some((t) => t.start <= m.start && m.end <= t.end) ||
      c.mentions.some(
        (x) => x.kind === 'nominal' && x.rule === 'apposition' && x.start <= m.start && m.end <= x.end,
      ),
  )
  const { cluster, rule } = holder
    ? { cluster: holder, rule: 'in-apposition' }
    : resolveNominal(ctx, {
        head,
        type: m.type,
        plural: false,
        determiner: 'definite',
        modifiers,
        start: m.start,
        sentence: m.sentence,
      })
  const c = cluster ?? set.create(m.type)
  if (!cluster) c.roleName = doc.text.slice(words.starts[m.first], m.end).replace(/^the\s+/iu, '')
  attach(set, lex, c, m, head, cluster ? rule : 'role-name')
}

/** A role-noun phrase linked to an entity by head match, or made an entity of its own. */
function resolveRoleNominal(r: Resolution, ctx: NominalContext, n: RoleNominal): void {
  const { doc, words, lex, set, covered } = r
  // A capitalised head that does not open its sentence ("the Council", not "Police said").
  const properHead =
    isCapitalised(words.text[n.headToken] as string) &&
    n.headToken > 0 &&
    words.sentence[n.headToken - 1] === words.sentence[n.headToken] &&
    words.kinds[n.headToken - 1] !== TokenKind.QUOTE
  const modifierKeys = n.modifiers.map((i) => words.key[i] as string)
  const start = words.starts[n.first] as number
  const { cluster, rule } = resolveNominal(ctx, {
    head: n.head,
    type: n.type,
    plural: n.plural,
    determiner: n.determiner,
    modifiers: n.modifiers,
    capitalised: properHead,
    start,
    sentence: words.sentence[n.first] as number,
  })
  const m = nominalMention(words, n.first, n.last, n.type, modifierKeys, n.head)
  // A capitalised head with no antecedent is more likely a title of a work or a name the entities
  // stage missed ("The New Man") than a role: only emit it when it links.
  if (!cluster && properHead) return
  let c = cluster
  if (!c) {
    c = set.create(n.type)
    c.plural = n.plural
    // "the chairman" -> "chairman"; "Thailand’s foreign minister" keeps its possessor.
    const from = DETERMINER_WORDS.has(words.key[n.first] as string) ? n.first + 1 : n.first
    c.roleName = doc.text
      .slice(words.starts[Math.min(from, n.headToken)], words.ends[n.headToken])
      .replace(/['’]s?$/u, '')
  }
  attach(set, lex, c, m, n.head, cluster ? rule : 'role-new')
  for (const k of modifierKeys) c.words.add(k)
  for (let i = n.first; i < n.last; i++) covered[i] = 1
  markEmbedded(r.prepared, n.first, n.last, c.id)
  r.added.push(m)
}

/**
 * Resolves the entities of a document from its name mentions.
 *
 * @example resolveDocument(view, view.layer('mentions'), corefLexicon()).set.live().length
 */
export function resolveDocument(doc: DocView, input: readonly Mention[], lex: CorefLexicon): CorefResult {
  const words = buildWords(doc)
  const inInput = new Uint8Array(words.count)
  for (const m of input) {
    const range = doc.tokensIn(m, 'expand')
    if (range) inInput.fill(1, range[0], range[1])
  }
  const prepared: PreparedName[] = input.map((m, i) => prepareName(doc, words, lex, m, i, inInput))
  const set = new ClusterSet()
  clusterNames(set, prepared, words, doc.text, lex.stateAliases)
  // Plural nationalities ("Palestinians") are antecedents for "they".
  for (const c of set.all) {
    if (c.type === 'NORP' && c.mentions.some((m) => /s$/.test(m.words[m.words.length - 1] ?? '')))
      c.plural = true
  }
  const r: Resolution = { doc, words, lex, set, prepared, covered: new Uint8Array(words.count), added: [] }
  const nameAtToken: (WorkMention | undefined)[] = new Array<WorkMention | undefined>(words.count)
  for (const p of prepared) {
    for (let i = p.mention.first; i < p.mention.last; i++) {
      r.covered[i] = 1
      nameAtToken[i] ??= p.mention
    }
  }
  addTitlesAndAppositions(r)
  genderFromFirstNames(set, lex)

  // 4. role nouns, title-only names and pronouns, left to right
  const ctx: NominalContext = { words, lex, clusters: set.all, nameAt: (t) => nameAtToken[t] }
  for (const e of events(r)) {
    if (e.kind === 'pronoun') resolvePronounEvent(r, e.hit)
    else if (e.kind === 'role-name') resolveRoleName(r, ctx, e.prepared)
    else resolveRoleNominal(r, ctx, e.nominal)
  }
  const mentions: WorkMention[] = prepared.map((p) => p.mention)
  for (const m of r.added) mentions.push(m)
  return { set, mentions }
}
