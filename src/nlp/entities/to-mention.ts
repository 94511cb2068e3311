/**
 * From a tagged name to a Mention's type, kind and span: CoNLL types become OntoNotes types with the help of
 * the gazetteers (LOC → GPE for countries, states and cities; MISC → NORP for nationalities, religions and
 * political groups), leading titles leave PERSON spans ("Major General Hossein Salami" → "Hossein Salami"),
 * and single all-capital words become acronyms ("IRGC", "NATO"; dotted "U.S." stays a name).
 */
import type { EntityType, MentionKind } from '../../model/layers.js'
import type { Gazetteer } from './gazetteer.js'
import type { TaggedName } from './recognize.js'

export interface MentionDraft {
  start: number
  end: number
  type: EntityType
  kind: MentionKind
}

/** Gazetteer list names the mapping reads (file names under data/gazetteers without .txt). */
export const LIST = {
  country: 'countries',
  state: 'states',
  city: 'cities',
  nationality: 'nationalities',
  group: 'groups',
  title: 'person-titles',
} as const

const ACRONYM_RE = /^\p{Lu}[\p{Lu}\p{N}&]+$/u
/** Longer all-capital words are rarely acronyms; in a headline they are names in capitals. */
const MAX_HEADLINE_ACRONYM = 5

/**
 * Type, kind and (title-stripped) span of a tagged name; null when nothing is left after stripping.
 *
 * @example
 * toMention(tagged, gazetteer) // { start, end, type: 'PERSON', kind: 'name' }
 */
export function toMention(name: TaggedName, gazetteer: Gazetteer): MentionDraft | null {
  let first = 0
  if (name.type === 'PER') first = titleLength(name.units, gazetteer)
  if (first >= name.units.length) return null
  const units = name.units.slice(first)
  const phrase = units.join(' ')
  const type = mapType(name.type, phrase, gazetteer)
  const only = units.length === 1 ? (units[0] as string) : ''
  const isAcronym =
    only !== '' &&
    ACRONYM_RE.test(only) &&
    !(name.headline && (only.length > MAX_HEADLINE_ACRONYM || isKnownWord(phrase, gazetteer)))
  return {
    start: name.unitStarts[first] as number,
    end: name.end,
    type,
    kind: isAcronym ? 'acronym' : 'name',
  }
}

function mapType(conll: string, phrase: string, gazetteer: Gazetteer): EntityType {
  switch (conll) {
    case 'PER':
      return 'PERSON'
    case 'ORG':
      return 'ORG'
    case 'LOC':
      return gazetteer.has(LIST.country, phrase) ||
        gazetteer.has(LIST.state, phrase) ||
        gazetteer.has(LIST.city, phrase)
        ? 'GPE'
        : 'LOC'
    default:
      return gazetteer.has(LIST.nationality, phrase) || gazetteer.has(LIST.group, phrase) ? 'NORP' : 'MISC'
  }
}

/** A headline word that is a known place or people name written in capitals, not an acronym. */
function isKnownWord(phrase: string, gazetteer: Gazetteer): boolean {
  return [LIST.country, LIST.state, LIST.city, LIST.nationality, LIST.group].some((list) =>
    gazetteer.has(list, phrase),
  )
}

/** Number of leading units that form titles ("Major General", "Ayatollah", "Sen ."), leaving ≥ 1 unit. */
function titleLength(units: readonly string[], gazetteer: Gazetteer): number {
  const titleList = gazetteer.lists.indexOf(LIST.title)
  let at = 0
  for (;;) {
    let end = at
    for (const m of gazetteer.match(units.slice(at))) {
      if (m.list === titleList && m.start === 0) end = Math.max(end, at + m.end)
    }
    if (end === at || end >= units.length) return at
    at = end
  }
}
