/**
 * Typed access to the coref word lists in `data/lexicons-coref/` (titles, role nouns, first names by
 * gender, demonyms, neutral modifiers). Loaded lazily, once per process; the combined sha256 goes to
 * provenance through `ctx.useModel`.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { EntityType } from '../../model/layers.js'

export type Gender = 'm' | 'f'

export interface RoleNoun {
  /** Singular lemma, e.g. "commander". */
  lemma: string
  type: EntityType
  plural: boolean
}

export interface CorefLexicon {
  /** Words that stand before a name as a title ("major", "sen", "ayatollah"), with gender where implied. */
  titles: Map<string, Gender | null>
  /** Role nouns by surface form (singular and plural), lower-case. */
  roles: Map<string, RoleNoun>
  firstNames: Map<string, Gender>
  /** Demonym or country (lower-case) -> country key. */
  countries: Map<string, string>
  neutralModifiers: Set<string>
  /** A state's name forms ({@link aliasKey}: "dprk", "north korea") -> its common name, lower-case. */
  stateAliases: Map<string, string>
  /** sha256 of the concatenated list files, for provenance. */
  hash: string
}

const FILES = [
  'titles.txt',
  'role-nouns.txt',
  'first-names-male.txt',
  'first-names-female.txt',
  'demonyms.txt',
  'neutral-modifiers.txt',
  'state-aliases.txt',
] as const

const DATA_DIR = new URL('../../../data/lexicons-coref/', import.meta.url)

/** Data lines of a list file: comments (#) and blank lines dropped, split on tabs. */
function rows(text: string): string[][] {
  const out: string[][] = []
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    out.push(line.trim().split('\t'))
  }
  return out
}

const CURLY_APOSTROPHE_RE = /[\u2018\u2019]/g
const SPACES_RE = /\s+/g

/**
 * The lookup key of a name form in the alias table: lower-case, straight apostrophes, single spaces.
 *
 * @example aliasKey('Democratic People’s  Republic of Korea') // "democratic people's republic of korea"
 */
export function aliasKey(name: string): string {
  return name.replace(CURLY_APOSTROPHE_RE, "'").replace(SPACES_RE, ' ').trim().toLowerCase()
}

/** Regular English plural of a role noun ("party" -> "parties", "witness" -> "witnesses"). */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  if (/(?:[sxz]|ch|sh)$/.test(word)) return `${word}es`
  return `${word}s`
}

/**
 * Builds a lexicon from list-file contents keyed by file name (exported for tests).
 *
 * @example buildLexicon({ 'titles.txt': 'mr\tm\n' }).titles.get('mr') // 'm'
 */
export function buildLexicon(files: Partial<Record<(typeof FILES)[number], string>>): CorefLexicon {
  const titles = new Map<string, Gender | null>()
  for (const [word, gender] of rows(files['titles.txt'] ?? '')) {
    titles.set(word as string, gender === 'm' || gender === 'f' ? gender : null)
  }
  const roles = new Map<string, RoleNoun>()
  for (const [lemma, type, plural] of rows(files['role-nouns.txt'] ?? '')) {
    const l = lemma as string
    roles.set(l, { lemma: l, type: type as EntityType, plural: false })
    roles.set(plural ?? pluralOf(l), { lemma: l, type: type as EntityType, plural: true })
  }
  const firstNames = new Map<string, Gender>()
  for (const [name] of rows(files['first-names-male.txt'] ?? '')) firstNames.set(name as string, 'm')
  for (const [name] of rows(files['first-names-female.txt'] ?? '')) {
    // A name on both lists carries no gender (the lists are disjoint today; this keeps it safe).
    if (firstNames.has(name as string)) firstNames.delete(name as string)
    else firstNames.set(name as string, 'f')
  }
  const countries = new Map<string, string>()
  for (const row of rows(files['demonyms.txt'] ?? '')) {
    const key = (row[0] as string).toLowerCase()
    for (const word of row) countries.set(word.toLowerCase(), key)
  }
  const neutralModifiers = new Set(rows(files['neutral-modifiers.txt'] ?? '').map((r) => r[0] as string))
  const stateAliases = new Map<string, string>()
  for (const row of rows(files['state-aliases.txt'] ?? '')) {
    const common = aliasKey(row[0] as string)
    for (const form of row) stateAliases.set(aliasKey(form), common)
  }
  const hash = createHash('sha256')
  for (const f of FILES) hash.update(files[f] ?? '')
  return { titles, roles, firstNames, countries, neutralModifiers, stateAliases, hash: hash.digest('hex') }
}

let cached: CorefLexicon | undefined

/**
 * The lexicon from `data/lexicons-coref/`, read once per process.
 *
 * @example corefLexicon().roles.get('commanders') // { lemma: 'commander', type: 'PERSON', plural: true }
 */
export function corefLexicon(): CorefLexicon {
  cached ??= buildLexicon(
    Object.fromEntries(FILES.map((f) => [f, readFileSync(new URL(f, DATA_DIR), 'utf8')])) as Record<
      (typeof FILES)[number],
      string
    >,
  )
  return cached
}
