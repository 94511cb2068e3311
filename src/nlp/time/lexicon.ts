/**
 * Word lists of the time stage as regex sources and lookup maps. Hand-written from the TimeML 1.2.1
 * guidelines and the TempEval-3 training gold (TBAQ); the lists are small and closed, so they live in code
 * rather than in data/ files. Regex fragments are non-capturing so finders can number their own groups.
 */
import type { TimeFields } from '../../model/layers.js'
import type { Unit } from './types.js'

/**
 * Month names, capitalised (lower-case "march", "may", "august" are verbs, modals and adjectives).
 * Abbreviations take an optional period; "Sept" is listed before "Sep" so alternation prefers it.
 */
export const MONTH_SOURCE =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?'

/**
 * Month number of a month name or abbreviation (any case, period ignored).
 *
 * @example monthNumber('Sept.') // 9
 */
export function monthNumber(word: string): number {
  return MONTHS.get(word.slice(0, 3).toLowerCase()) ?? 0
}
const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [
    m,
    i + 1,
  ]),
)

/** Weekday names, capitalised, with common abbreviations ("Tues.", "Thurs."). */
export const WEEKDAY_SOURCE =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tues?\\.|Wed\\.|Thu(?:rs?)?\\.|Fri\\.|Sat\\.|Sun\\.'

/**
 * ISO weekday (Monday 1 … Sunday 7) of a weekday name.
 *
 * @example weekdayNumber('Thurs.') // 4
 */
export function weekdayNumber(word: string): number {
  return WEEKDAYS.get(word.slice(0, 2).toLowerCase()) ?? 0
}
const WEEKDAYS = new Map(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((d, i) => [d, i + 1]))

const ONES = 'one|two|three|four|five|six|seven|eight|nine'
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'

/**
 * A cardinal in digits or words, or a vague quantity ("a few", "several") that TimeML writes as `X`.
 * Case-insensitive use. Longer alternatives come first ("a few" before "a").
 */
export const NUMBER_SOURCE =
  `(?:\\d{1,3}(?:\\.\\d+)?|(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|${ONES}|` +
  'a\\s+few|a\\s+couple\\s+of|a\\s+couple|a\\s+half|several|few|many|some|an|a)' +
  '(?:[- ]hundred)?'

const NUMBER_WORDS = new Map<string, number>([
  ...'one two three four five six seven eight nine'.split(' ').map((w, i): [string, number] => [w, i + 1]),
  ...TEENS.split('|').map((w, i): [string, number] => [w, i + 10]),
  ...TENS.split('|').map((w, i): [string, number] => [w, (i + 2) * 10]),
  ['a', 1],
  ['an', 1],
  ['a couple', 2],
  ['a couple of', 2],
  ['a half', 0.5],
])

/**
 * Value of a {@link NUMBER_SOURCE} match; null for vague quantities ("several", "a few").
 *
 * @example parseNumber('twenty-four') // 24
 * @example parseNumber('several') // null
 */
export function parseNumber(raw: string): number | null {
  let text = raw.toLowerCase().replace(SPACES, ' ').trim()
  let factor = 1
  if (text.endsWith('hundred')) {
    factor = 100
    text = text.slice(0, -7).replace(TRAILING_JOINER, '')
  }
  if (DIGITS.test(text)) return Number(text) * factor
  const direct = NUMBER_WORDS.get(text)
  if (direct !== undefined) return direct * factor
  const parts = text.split(JOINER)
  if (parts.length === 2) {
    const tens = NUMBER_WORDS.get(parts[0] as string)
    const ones = NUMBER_WORDS.get(parts[1] as string)
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return (tens + ones) * factor
  }
  return null
}
const SPACES = /\s+/g
const TRAILING_JOINER = /[- ]$/
const JOINER = /[- ]/
const DIGITS = /^\d+(?:\.\d+)?$/

/** Calendar units, singular or plural (case-insensitive use). */
export const UNIT_SOURCE =
  'seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century'

/**
 * Unit of a {@link UNIT_SOURCE} word.
 *
 * @example unitOf('Centuries') // 'century'
 */
export function unitOf(word: string): Unit {
  const w = word.toLowerCase()
  if (w.startsWith('cent')) return 'century'
  if (w.startsWith('fortnight')) return 'week'
  return (w.endsWith('s') ? w.slice(0, -1) : w) as Unit
}

/**
 * TimeML duration of `amount` units: `P5Y`, `PT2H`, `PXM` (vague amount). Quarters count as 3 months,
 * decades and centuries as years, as the TBAQ gold does ("the next three quarters" → P9M, "four decades" → P40Y),
 * except a vague number of centuries (`PXC`).
 *
 * @example durationValue(2, 'hour') // 'PT2H'
 * @example durationValue(null, 'year') // 'PXY'
 */
export function durationValue(amount: number | null, unit: Unit, fortnight = false): string {
  const n = (scale: number): string => (amount === null ? 'X' : formatAmount(amount * scale))
  if (amount !== null && !Number.isInteger(amount)) {
    const fraction = fractionalDuration(amount, unit)
    if (fraction !== null) return fraction
  }
  switch (unit) {
    case 'second':
      return `PT${n(1)}S`
    case 'minute':
      return `PT${n(1)}M`
    case 'hour':
      return `PT${n(1)}H`
    case 'day':
      return `P${n(1)}D`
    case 'weekend':
      return `P${n(2)}D`
    case 'week':
      return `P${n(fortnight ? 2 : 1)}W`
    case 'month':
      return `P${n(1)}M`
    case 'quarter':
      return `P${n(3)}M`
    case 'half':
      return `P${n(6)}M`
    case 'year':
      return `P${n(1)}Y`
    case 'decade':
      return `P${n(10)}Y`
    case 'century':
      // "for centuries": TBAQ writes the vague amount in centuries (`PXC`), a counted one in years.
      return amount === null ? 'PXC' : `P${n(100)}Y`
  }
}

/** "2 1/2 years" → `P2Y6M`, "5 1/2 hours" → `PT5H30M`: the fraction in the next smaller unit. */
function fractionalDuration(amount: number, unit: Unit): string | null {
  const whole = Math.floor(amount)
  const rest = amount - whole
  const head = (code: string): string => (whole > 0 ? `${whole}${code}` : '')
  switch (unit) {
    case 'year':
      return `P${head('Y')}${Math.round(rest * 12)}M`
    case 'month':
      return `P${head('M')}${Math.round(rest * 30)}D`
    case 'day':
      return `P${head('D')}T${Math.round(rest * 24)}H`
    case 'hour':
      return `PT${head('H')}${Math.round(rest * 60)}M`
    case 'minute':
      return `PT${head('M')}${Math.round(rest * 60)}S`
    default:
      return null
  }
}

/** Whole numbers as digits; halves of a unit are written in the next smaller unit by callers. */
function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : String(amount).replace(/^0\./, '0.')
}

/** Parts of the day: TimeML `TMO`, `TAF`, `TEV`, `TNI`. */
export const PART_OF_DAY_SOURCE = 'morning|afternoon|evening|night|overnight'

export function partOfDayOf(word: string): NonNullable<TimeFields['partOfDay']> {
  const w = word.toLowerCase()
  if (w.startsWith('morn')) return 'MO'
  if (w.startsWith('after')) return 'AF'
  if (w.startsWith('even')) return 'EV'
  return 'NI'
}

/** "early", "mid-", "late" and their phrasal forms, which set `part` (TimeML `mod` START/MID/END). */
export const PART_SOURCE =
  'early|mid-?|late|the\\s+(?:end|beginning|start|middle|turn)\\s+of|the\\s+(?:early|late|mid-?)|(?:the\\s+)?mid(?:dle)?-?'

export function partOf(raw: string): NonNullable<TimeFields['part']> {
  const w = raw.toLowerCase()
  if (w.includes('end') || w.includes('late')) return 'late'
  if (w.includes('mid')) return 'mid'
  return 'early'
}

/** Seasons, TimeML codes. */
export function seasonOf(word: string): NonNullable<TimeFields['season']> {
  const w = word.toLowerCase()
  if (w.startsWith('sp')) return 'SP'
  if (w.startsWith('su')) return 'SU'
  if (w.startsWith('w')) return 'WI'
  return 'FA'
}

/** Ordinal words and digits 1–4 (quarters, halves) and up to 21 (centuries). */
export function ordinalNumber(word: string): number {
  const w = word.toLowerCase()
  const digits = ORDINAL_DIGITS.exec(w)
  if (digits) return Number(digits[1])
  return ORDINALS.get(w) ?? 0
}
const ORDINAL_DIGITS = /^(\d+)(?:st|nd|rd|th)?$/
const ORDINALS = new Map(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i): [string, number] => [w, i + 1])
    .concat([
      ['twenty-first', 21],
      ['twenty first', 21],
    ]),
)
