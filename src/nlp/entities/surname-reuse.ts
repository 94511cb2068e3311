/**
 * A surname on its own, after the full name earlier or later in the same article, is the person
 * ("MaliVai Washington … The 11th-seeded Washington fell short"), even where the tagger, reading the one
 * word, took it for a place or an organisation. One-word place and organisation mentions that are the last
 * word of a person's full name in the document become PERSON (Ratinov & Roth 2009's non-local consistency,
 * applied to the one case where the longer mention settles the type) — unless the gazetteers know the word
 * as a country or an organisation ("Ireland", "Ford", "Labour"), which a stray person span should not
 * override. Towns are not exempt: surnames are often town names ("Washington", "Holland" the player).
 */
import type { Gazetteer } from './gazetteer.js'
import { LIST, type MentionDraft } from './to-mention.js'

const RETYPED = new Set(['GPE', 'LOC', 'ORG'])
/** Lists whose one-word entries keep their type. */
const KEPT_LISTS = [LIST.country, LIST.nationality, LIST.group, 'organisations', 'news-organisations']
const SPACE_RE = /\s+/

/**
 * Drafts with one-word GPE/LOC/ORG names retyped to PERSON where a full name in `drafts` ends with the word.
 *
 * @example
 * reuseSurnames(text, drafts, gazetteer) // "Washington" → PERSON after "MaliVai Washington"
 */
export function reuseSurnames(
  text: string,
  drafts: readonly MentionDraft[],
  gazetteer: Gazetteer,
): MentionDraft[] {
  const surnames = new Set<string>()
  for (const d of drafts) {
    if (d.type !== 'PERSON') continue
    const words = text.slice(d.start, d.end).split(SPACE_RE)
    if (words.length >= 2) surnames.add(words[words.length - 1] as string)
  }
  if (surnames.size === 0) return [...drafts]
  const retype = (d: MentionDraft): boolean => {
    if (d.kind !== 'name' || !RETYPED.has(d.type)) return false
    const word = text.slice(d.start, d.end)
    return surnames.has(word) && !KEPT_LISTS.some((list) => gazetteer.has(list, word))
  }
  return drafts.map((d) => (retype(d) ? { ...d, type: 'PERSON' } : d))
}
