/**
 * From a tagged name to a Mention's type, kind and span: CoNLL types become OntoNotes types with the help of
 * the gazetteers (LOC → GPE for countries, states, cities and other unknown towns, LOC for regions and natural features; MISC → NORP for nationalities, religions and
 * political groups), leading titles leave PERSON spans ("Major General Hossein Salami" → "Hossein Salami"),
 * and single all-capital words become acronyms ("IRGC", "NATO"; dotted "U.S." stays a name; in an all-caps
 * headline only words the article or the gazetteers write in capitals count).
 */
import type { EntityType, MentionKind } from '../../model/layers.js'
import { Gazetteer } from './gazetteer.js'
import { refineType } from './refine-type.js'
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
  region: 'regions',
} as const

// Head words of natural or non-political places ("Red Sea", "Gaza Strip", "Golan Heights"): LOC, not GPE.
const GEOGRAPHIC_HEAD_RE =
  /\b(?:sea|ocean|river|mountains?|mount|mt|gulf|strait|bay|valley|desert|peninsula|islands?|lake|coast|strip|bank|heights|canal|channel|basin|plateau|plain|forest|range|hills?|cape|delta|region|border)$/i

/**
 * A place tagged LOC is a GPE (country, state, city, town) when the gazetteers say so, and also when it is
 * neither a listed region nor named after a geographic feature: the unknown place names of news are mostly
 * towns and cities ("Irving", "Yeoncheon").
 */
function isGeopolitical(phrase: string, gazetteer: Gazetteer): boolean {
  if ([LIST.country, LIST.state, LIST.city].some((list) => gazetteer.has(list, phrase))) return true
  if (gazetteer.has(LIST.region, phrase)) return false
  return !GEOGRAPHIC_HEAD_RE.test(phrase)
}

const NO_LISTS = new Gazetteer({})

const ACRONYM_RE = /^\p{Lu}[\p{Lu}\p{N}&]+$/u

/**
 * Type, kind and (title-stripped) span of a tagged name; null when nothing is left after stripping.
 *
 * @example
 * toMention(tagged, gazetteer) // { start, end, type: 'PERSON', kind: 'name' }
 */
export function toMention(
  name: TaggedName,
  gazetteer: Gazetteer,
  typeLists: Gazetteer = NO_LISTS,
): MentionDraft | null {
  let first = 0
  if (name.type === 'PER') first = titleLength(name.units, gazetteer)
  if (first >= name.units.length) return null
  const units = name.units.slice(first)
  const phrase = units.join(' ')
  const context = { units, before: name.before ?? [], after: name.after ?? [] }
  const type = refineType(mapType(name.type, phrase, gazetteer), context, typeLists)
  // The recased form decides: a headline's "BIDEN" was read as "Biden", its "IRGC" stayed "IRGC".
  const only = units.length === 1 ? (name.cased[first] ?? '') : ''
  const isAcronym = only !== '' && ACRONYM_RE.test(only)
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
      return isGeopolitical(phrase, gazetteer) ? 'GPE' : 'LOC'
    default:
      return gazetteer.has(LIST.nationality, phrase) || gazetteer.has(LIST.group, phrase) ? 'NORP' : 'MISC'
  }
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
