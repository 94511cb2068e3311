/**
 * Months without a day: "August", "earlier in August" (TimeML tags "August" only; "in" is a signal),
 * "August 2022", "mid-August", "last May", "the end of May 2021".
 * "May" and "March" are also a modal/name and a verb: alone they count only after a temporal word
 * ("in May", "since March") or before a year. Bare three-letter abbreviations ("Jan", "Dec") are names.
 */
import { MONTH_SOURCE, monthNumber, partOf } from '../lexicon.js'
import type { Direction, Finder } from '../types.js'
import { candidate, fields, TEMPORAL_LEAD, wordBefore } from './helpers.js'

const PART = '[Ee]arly|[Mm]id-|[Ll]ate|(?:[Tt]he\\s+)?(?:end|beginning|start|middle)\\s+of|[Mm]id'
const MONTH_YEAR = new RegExp(
  `(?:\\b(${PART})\\s*)?(?:\\b([Ll]ast|[Nn]ext|[Tt]his|[Tt]his\\s+past)\\s+)?\\b(${MONTH_SOURCE})(?![\\w’'-])(?:,?\\s+(?:of\\s+)?(\\d{4})(?![\\d%]|,\\d))?`,
  'g',
)
const BARE_ABBREVIATION = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/
const LEAD_DIRECTION: Record<string, Direction> = {
  last: 'past',
  next: 'future',
  this: 'same',
  'this past': 'past',
}
const SPACES = /\s+/g

export const monthYearFinder: Finder = {
  name: 'month-year',
  regex: MONTH_YEAR,
  build(m) {
    const name = m[3] as string
    const year = m[4]
    const part = m[1]
    const lead = m[2]?.toLowerCase().replace(SPACES, ' ')
    if (year === undefined && part === undefined && lead === undefined) {
      if (BARE_ABBREVIATION.test(name)) return null
      if (name === 'May' || name === 'March') {
        const before = wordBefore(m.input, m.index).toLowerCase()
        if (!TEMPORAL_LEAD.has(before)) return null
      }
    }
    const direction = lead === undefined ? undefined : LEAD_DIRECTION[lead]
    const spec = {
      kind: 'absolute' as const,
      fields: fields({
        year: year === undefined ? undefined : Number(year),
        month: monthNumber(name),
        part: part === undefined ? undefined : partOf(part),
      }),
      ...(direction === undefined ? {} : { direction }),
    }
    return candidate(m, 'DATE', spec, year === undefined ? 'month-year:month' : 'month-year:month-year')
  },
}
