/**
 * Proleptic Gregorian calendar arithmetic on plain numbers (no `Date` objects in the hot path, no time
 * zones): day numbers, weekdays, ISO weeks, and month/quarter shifts. All pure and allocation-light.
 */

/** A calendar day. `month` is 1–12, `day` 1–31. */
export interface Ymd {
  year: number
  month: number
  day: number
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * Days in a month.
 *
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Days since 0001-01-01 (day 0), so that differences and weekdays are simple integer arithmetic.
 *
 * @example dayNumber({ year: 1, month: 1, day: 1 }) // 0
 */
export function dayNumber(d: Ymd): number {
  const y = d.year - 1
  let n = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)
  n += (CUMULATIVE_DAYS[d.month - 1] ?? 0) + d.day - 1
  if (d.month > 2 && isLeapYear(d.year)) n += 1
  return n
}

/**
 * The inverse of {@link dayNumber}.
 *
 * @example fromDayNumber(dayNumber({ year: 2022, month: 9, day: 1 })) // { year: 2022, month: 9, day: 1 }
 */
export function fromDayNumber(n: number): Ymd {
  let year = Math.floor(n / 365.2425) + 1
  while (dayNumber({ year, month: 1, day: 1 }) > n) year--
  while (dayNumber({ year: year + 1, month: 1, day: 1 }) <= n) year++
  let rest = n - dayNumber({ year, month: 1, day: 1 })
  let month = 1
  while (month < 12 && rest >= daysInMonth(year, month)) {
    rest -= daysInMonth(year, month)
    month++
  }
  return { year, month, day: rest + 1 }
}

/**
 * ISO weekday, Monday = 1 … Sunday = 7.
 *
 * @example isoWeekday({ year: 2022, month: 9, day: 1 }) // 4 (a Thursday)
 */
export function isoWeekday(d: Ymd): number {
  // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
  return (dayNumber(d) % 7) + 1
}

/**
 * Adds days to a date.
 *
 * @example addDays({ year: 2022, month: 9, day: 1 }, -1) // { year: 2022, month: 8, day: 31 }
 */
export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(d) + days)
}

/**
 * ISO 8601 week-numbering year and week of a date (weeks start on Monday; week 1 holds the first Thursday).
 *
 * @example isoWeek({ year: 2022, month: 9, day: 1 }) // { year: 2022, week: 35 }
 */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const n = dayNumber(d)
  const thursday = n - isoWeekday(d) + 4
  const year = fromDayNumber(thursday).year
  const week = Math.floor((thursday - dayNumber({ year, month: 1, day: 1 })) / 7) + 1
  return { year, week }
}

/**
 * Shifts a (year, month) pair by whole months.
 *
 * @example addMonths(2022, 1, -2) // { year: 2021, month: 11 }
 */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** Quarter (1–4) of a month. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1
}

/** Zero-pads to `width` digits. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/**
 * Parses `YYYY-MM-DD` into a day, or null when absent or malformed.
 *
 * @example parseYmd('2022-09-01') // { year: 2022, month: 9, day: 1 }
 */
export function parseYmd(iso: string | null | undefined): Ymd | null {
  if (!iso) return null
  const m = ISO_DAY.exec(iso)
  if (!m) return null
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null
  return d
}
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` of a day. */
export function formatYmd(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`
}
