/**
 * Dates that state a day: "Aug. 7, 1998", "August 7", "7 August 2022", "2022-08-07", "8/7/98".
 * A year is known only when written; the resolver fills it in from the anchor otherwise.
 */
import { daysInMonth } from '../calendar.js'
import { MONTH_SOURCE, monthNumber } from '../lexicon.js'
import type { Candidate, Finder } from '../types.js'
import { candidate, fields, TEMPORAL_LEAD, wordBefore } from './helpers.js'

const MONTH_DAY = new RegExp(
  `\\b(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d%]|[.,:]\\d)(?:,?\\s+(\\d{4})(?![\\d%]))?`,
  'g',
)
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SOURCE})(?:,?\\s+(\\d{4})(?![\\d%]))?`,
  'g',
)
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g
const SLASH_DATE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g
/** "Jan" without a period is also a first name; bare abbreviations count only before a day number. */
const BARE_ABBREVIATION = /^[A-Z][a-z]{2}$/

function build(
  match: RegExpExecArray,
  year: string | undefined,
  month: number,
  day: number,
  rule: string,
): Candidate | null {
  if (month === 0 || day < 1 || day > 31) return null
  const y = year === undefined ? undefined : normaliseYear(year)
  if (y !== undefined && day > daysInMonth(y, month)) return null
  return candidate(match, 'DATE', { kind: 'absolute', fields: fields({ year: y, month, day }) }, rule)
}

function normaliseYear(raw: string): number {
  const n = Number(raw)
  if (raw.length === 2) return n < 50 ? 2000 + n : 1900 + n
  return n
}

export const monthDayFinder: Finder = {
  name: 'explicit-date:month-day',
  regex: MONTH_DAY,
  build(m) {
    const name = m[1] as string
    if ((name === 'May' || name === 'March') && m[3] === undefined) {
      // "May 5" is a date, but "Theresa May 5 times" is not: a capitalised word before it marks a name,
      // unless that word is a sentence-initial preposition ("On May 6, Kopp was charged").
      const before = m.input.slice(Math.max(0, m.index - 20), m.index)
      if (PRECEDING_NAME.test(before) && !TEMPORAL_LEAD.has(wordBefore(m.input, m.index).toLowerCase()))
        return null
    }
    return build(m, m[3], monthNumber(name), Number(m[2]), 'explicit-date:month-day')
  },
}
const PRECEDING_NAME = /[A-Z][a-z]+\s$/

export const dayMonthFinder: Finder = {
  name: 'explicit-date:day-month',
  regex: DAY_MONTH,
  build(m) {
    const name = m[2] as string
    if (BARE_ABBREVIATION.test(name) && m[3] === undefined) return null
    return build(m, m[3], monthNumber(name), Number(m[1]), 'explicit-date:day-month')
  },
}

export const isoDateFinder: Finder = {
  name: 'explicit-date:iso',
  regex: ISO_DATE,
  build: (m) => build(m, m[1], Number(m[2]), Number(m[3]), 'explicit-date:iso'),
}

/** US order (month/day/year), as in the American wire copy of the training data. */
export const slashDateFinder: Finder = {
  name: 'explicit-date:slash',
  regex: SLASH_DATE,
  build: (m) => {
    const month = Number(m[1])
    if (month > 12) return null
    return build(m, m[3], month, Number(m[2]), 'explicit-date:slash')
  },
}
