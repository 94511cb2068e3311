/**
 * Weekdays: "Tuesday", "last Friday", "Friday's", "earlier Sunday", "Friday morning" (a DATE whose value is the day).
 * Plurals ("on Fridays") are sets, found by the sets finder.
 */
import { PART_OF_DAY_SOURCE, partOfDayOf, WEEKDAY_SOURCE, weekdayNumber } from '../lexicon.js'
import type { Direction, Finder } from '../types.js'
import { candidate, fields } from './helpers.js'

const WEEKDAY = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his\\s+coming|[Tt]his|[Cc]oming|[Pp]ast|[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Tt]he\\s+(?:previous|following|next))\\s+)?` +
    `(${WEEKDAY_SOURCE})(?![\\w-])(?:\\s+(${PART_OF_DAY_SOURCE})\\b)?`,
  'g',
)

const THE_LEAD = /^the\s/i
const POSSESSIVE = /^['’]s\b/
const FUTURE_LEAD = /\b(?:as\s+soon\s+as|as\s+early\s+as)\s+$/i

function directionOf(lead: string | undefined): Direction | undefined {
  if (lead === undefined) return undefined
  const l = lead.toLowerCase()
  if (l === 'last' || l === 'past' || l.includes('previous')) return 'past'
  if (l === 'next' || l === 'coming' || l.startsWith('this') || l.includes('following') || l.includes('next'))
    return 'future'
  return undefined
}

export const weekdayFinder: Finder = {
  name: 'weekdays',
  regex: WEEKDAY,
  build(m) {
    const weekday = weekdayNumber(m[2] as string)
    if (weekday === 0) return null
    const partOfDay = m[3] === undefined ? undefined : partOfDayOf(m[3])
    // "as soon as Tuesday", "as early as Friday": plans lie ahead ("until Tuesday" goes either way).
    // "Wednesday's ruling" names an event that has happened: no tense moves it ahead ("they would look
    // for ways around Wednesday's ruling").
    const direction =
      directionOf(m[1]) ??
      (FUTURE_LEAD.test(m.input.slice(Math.max(0, m.index - 16), m.index))
        ? 'future'
        : POSSESSIVE.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 3))
          ? 'same'
          : undefined)
    const spec = {
      kind: 'weekday' as const,
      weekday,
      ...(direction === undefined ? {} : { direction }),
      ...(m[1] !== undefined && THE_LEAD.test(m[1]) ? { fromMention: true as const } : {}),
      fields: fields({ partOfDay }),
    }
    // TBAQ types "Sunday night" as a DATE in 28 of 33 cases; the value is the day, the part of day stays
    // in `known` (resolve.ts, resolveWeekday). "Thursday evening" keeps its `TEV` and is a TIME (train: 2 of 2).
    return candidate(m, partOfDay === 'EV' ? 'TIME' : 'DATE', spec, 'weekdays')
  },
}
