/**
 * Recurrences (TimeML SET): "daily", "annually", "every week", "each Thursday", "twice a year",
 * "on Mondays". Values follow TBAQ: "daily"/"every day" → `P1D`, "each Thursday" → `XXXX-WXX-4`.
 */
import {
  durationValue,
  MONTH_SOURCE,
  monthNumber,
  NUMBER_SOURCE,
  parseNumber,
  UNIT_SOURCE,
  unitOf,
  WEEKDAY_SOURCE,
  weekdayNumber,
} from '../lexicon.js'
import { pad } from '../calendar.js'
import type { Finder } from '../types.js'
import { candidate } from './helpers.js'

const ADVERB =
  /\b(daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|fortnightly|semiannually|biannually)\b/gi
const ADVERB_VALUE: Record<string, string> = {
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  biweekly: 'P2W',
  fortnightly: 'P2W',
  monthly: 'P1M',
  quarterly: 'P3M',
  annually: 'P1Y',
  yearly: 'P1Y',
  semiannually: 'P6M',
  biannually: 'P6M',
  hourly: 'PT1H',
}
const EVERY_UNIT = new RegExp(
  `\\b(?:[Ee]very|[Ee]ach)\\s+(?:(other)\\s+)?(?:(${NUMBER_SOURCE})\\s+)?(${UNIT_SOURCE}|morning|night|evening|afternoon|weekend)(?![\\w-])`,
  'gi',
)
const EVERY_NAMED = new RegExp(
  `\\b(?:[Ee]very|[Ee]ach)\\s+(?:(${WEEKDAY_SOURCE})|(${MONTH_SOURCE}))(?![\\w-])`,
  'g',
)
const TIMES_PER = new RegExp(
  `\\b(?:once|twice|thrice|(?:${NUMBER_SOURCE})\\s+times)\\s+(?:a|an|per|each|every)\\s+(${UNIT_SOURCE})(?![\\w-])`,
  'gi',
)
const PLURAL_WEEKDAY = /\b(Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b/g

export const adverbSetFinder: Finder = {
  name: 'sets:adverb',
  regex: ADVERB,
  build(m) {
    const word = (m[1] as string).toLowerCase()
    // "quarterly dividend", "quarterly results": TBAQ never tags "quarterly" (10 of 10 untagged), while
    // "daily", "weekly" and "hourly" are tagged as adjectives too ("average hourly earnings").
    if (word === 'quarterly') return null
    const value = ADVERB_VALUE[word] ?? 'P1D'
    return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'sets:adverb')
  },
}

export const everyUnitFinder: Finder = {
  name: 'sets:every-unit',
  regex: EVERY_UNIT,
  build(m) {
    const word = (m[3] as string).toLowerCase()
    const amount = m[2] === undefined ? 1 : parseNumber(m[2])
    const every = m[1] === undefined ? 1 : 2
    if (word === 'morning' || word === 'night' || word === 'evening' || word === 'afternoon') {
      const code = word === 'morning' ? 'MO' : word === 'afternoon' ? 'AF' : word === 'evening' ? 'EV' : 'NI'
      return candidate(
        m,
        'SET',
        { kind: 'literal', value: `XXXX-XX-XXT${code}`, fields: {} },
        'sets:every-part',
      )
    }
    if (word === 'weekend')
      return candidate(m, 'SET', { kind: 'literal', value: 'XXXX-WXX-WE', fields: {} }, 'sets:every-weekend')
    const value = durationValue(amount === null ? null : amount * every, unitOf(word))
    return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'sets:every-unit')
  },
}

export const everyNamedFinder: Finder = {
  name: 'sets:every-named',
  regex: EVERY_NAMED,
  build(m) {
    const value =
      m[1] !== undefined ? `XXXX-WXX-${weekdayNumber(m[1])}` : `XXXX-${pad(monthNumber(m[2] as string))}`
    return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'sets:every-named')
  },
}

export const timesPerFinder: Finder = {
  name: 'sets:times-per',
  regex: TIMES_PER,
  build(m) {
    const value = durationValue(1, unitOf(m[1] as string))
    return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'sets:times-per')
  },
}

export const pluralWeekdayFinder: Finder = {
  name: 'sets:plural-weekday',
  regex: PLURAL_WEEKDAY,
  build(m) {
    const value = `XXXX-WXX-${weekdayNumber(m[1] as string)}`
    return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'sets:plural-weekday')
  },
}
