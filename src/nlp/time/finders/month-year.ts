/**
 * Months without a day: "August", "earlier in August" (TimeML tags "August" only; "in" is a signal),
 * "August 2022", "early 2022"'s sibling "mid-August", "the end of May 2021".
 * "May" and "March" are also a modal/name and a verb: alone they count only after a temporal word
 * ("in May", "since March") or before a year.
 */
import { MONTH_SOURCE, monthNumber, partOf } from '../lexicon.js'
import type { Finder } from '../types.js'
import { candidate, fields, TEMPORAL_LEAD, wordBefore } from './helpers.js'

const PART = '[Ee]arly|[Mm]id-|[Ll]ate|(?:[Tt]he\\s+)?(?:end|beginning|start|middle)\\s+of|[Mm]id'
const MONTH_YEAR = new RegExp(
  `(?:\\b(${PART})\\s*)?\\b(${MONTH_SOURCE})(?![\\w’'-])(?:,?\\s+(?:of\\s+)?(\\d{4})(?![\\d%]|,\\d))?`,
  'g',
)
const BARE_ABBREVIATION = /^[A-Z][a-z]{2}$/

export const monthYearFinder: Finder = {
  name: 'month-year',
  regex: MONTH_YEAR,
  build(m) {
    const name = m[2] as string
    const year = m[3]
    const part = m[1]
    if (year === undefined && part === undefined) {
      if (BARE_ABBREVIATION.test(name) || name.length <= 4) return null
      if (name === 'May' || name === 'March') {
        const before = wordBefore(m.input, m.index).toLowerCase()
        if (!TEMPORAL_LEAD.has(before)) return null
      }
    }
    const spec = {
      kind: 'absolute' as const,
      fields: fields({
        year: year === undefined ? undefined : Number(year),
        month: monthNumber(name),
        part: part === undefined ? undefined : partOf(part),
      }),
    }
    return candidate(m, 'DATE', spec, year === undefined ? 'month-year:month' : 'month-year:month-year')
  },
}
