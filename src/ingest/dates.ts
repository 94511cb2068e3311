/**
 * Publication dates as pages write them, normalised to `YYYY-MM-DD`. The date is the one *written* (the
 * publisher's local date in ISO strings with an offset); nothing here reads the clock.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/
/** "September 1, 2022", "Sep. 1 2022", "Thu, Sep 1, 2022". */
const MONTH_DAY_YEAR = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i
/** "1 September 2022", "Thu, 01 Sep 2022 10:00:00 GMT" (RFC 2822), "1st of September, 2022". */
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i
/** Seconds (10 digits) or milliseconds (13) since 1970, as some CMSs write them. */
const EPOCH = /^\d{10}(?:\d{3})?$/
/** /2022/09/01/ or /2022-09-01/ in a URL path: a common permalink layout. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/-])/

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

/** Earliest and latest years we accept: older dates on news pages are almost always parse mistakes. */
const MIN_YEAR = 1900
const MAX_YEAR = 2100

/** `YYYY-MM-DD` when y-m-d is a real calendar day in range, else null. */
function ymd(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Normalises a date string from page metadata to `YYYY-MM-DD`, or null when it cannot be read without
 * guessing (e.g. "01/09/2022", which is January in the US and September elsewhere).
 *
 * @example normalizeDate('2022-09-01T23:30:00-05:00') // '2022-09-01'
 * @example normalizeDate('Thu, 01 Sep 2022 10:00:00 GMT') // '2022-09-01'
 */
export function normalizeDate(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const s = String(value).trim()
  if (!s) return null
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000
    const d = new Date(ms)
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
  }
  let m = ISO.exec(s) ?? SLASHED.exec(s) ?? COMPACT.exec(s)
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]))
  m = MONTH_DAY_YEAR.exec(s)
  const month1 = m ? MONTHS[(m[1] ?? '').toLowerCase()] : undefined
  if (m && month1) return ymd(Number(m[3]), month1, Number(m[2]))
  m = DAY_MONTH_YEAR.exec(s)
  const month2 = m ? MONTHS[(m[2] ?? '').toLowerCase()] : undefined
  if (m && month2) return ymd(Number(m[3]), month2, Number(m[1]))
  return null
}

/**
 * The date in a permalink path, or null.
 *
 * @example dateFromUrl('https://example.com/2022/09/01/salami-warns/') // '2022-09-01'
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const m = URL_DATE.exec(url)
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null
}
