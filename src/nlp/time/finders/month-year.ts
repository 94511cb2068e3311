/**
 * Months without a day: "August", "earlier in August" (TimeML tags "August" only; "in" is a signal),
 * "August 2022", "mid-August", "last May", "the end of May 2021".
 * "May" and "March" are also a modal/name and a verb: alone they count only after a temporal word
 * ("in May", "since March") or before a year. Bare three-letter abbreviations ("Jan", "Dec") are names.
 */
import { MONTH_SOURCE, monthNumber, partOf } from '../lexicon.js'
import type { Direction, Finder } from '../types.js'
import { candidate, fields, TEMPORAL_LEAD, wordBefore } from './helpers.js'

const PART = '[Ee]arly|[Mm]id-|[Ll]ate-?|(?:[Tt]he\\s+)?(?:end|beginning|start|middle)\\s+of|[Mm]id'
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
const DAY_NEXT = /^\s+\d{1,2}(?!\d)/
const YEAR_PHRASE_NEXT = /^,?\s+(this|next|last)\s+year\b/i
const YEAR_PHRASE_OFFSET: Record<string, number> = { this: 0, next: 1, last: -1 }

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
    const rest = m.input.slice(m.index + m[0].length, m.index + m[0].length + 16)
    // "Oct. 23" is a day: leave it to the explicit-date finder (it loses "last", as TBAQ's extents do).
    if (year === undefined && DAY_NEXT.test(rest)) return null
    const direction = lead === undefined ? undefined : LEAD_DIRECTION[lead]
    // "June last year", "April next year": one timex with the month's value. TBAQ tags the whole phrase
    // in one document (dev) and the month alone in another (train); one span matches either relaxed,
    // where a month plus a separate "last year" leaves a spurious or a wrong value.
    const yearPhrase = year === undefined ? YEAR_PHRASE_NEXT.exec(rest) : null
    if (yearPhrase !== null) {
      const offset = YEAR_PHRASE_OFFSET[(yearPhrase[1] as string).toLowerCase()] ?? 0
      const known = fields({ month: monthNumber(name), part: part === undefined ? undefined : partOf(part) })
      const spec = {
        kind: 'relative' as const,
        unit: 'year' as const,
        offset,
        anchor: 'published' as const,
        fields: known,
      }
      const c = candidate(m, 'DATE', spec, 'month-year:month-year-phrase')
      return { ...c, end: m.index + m[0].length + yearPhrase[0].length }
    }
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
