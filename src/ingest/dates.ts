/**
 * Publication dates as pages write them, normalised to `YYYY-MM-DD`. The date is the one *written* (the
 * publisher's local date in ISO strings with an offset); nothing here reads the clock.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/
/** "September 1, 2022", "Sep. 1 2022", "Thu, Sep 1, 2022". */
const MONTH_DAY_YEAR = /(?<!\p{L})(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/giu
/**
 * "1 September 2022", "Thu, 01 Sep 2022 10:00:00 GMT" (RFC 2822), "1st of September, 2022",
 * "14. Juni 2013", "22 de noviembre de 2011", "8 janvier 2020".
 */
const DAY_MONTH_YEAR =
  /(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s+(?:of|de))?\s+(\p{L}{3,10})\.?,?(?:\s+de)?\s+(\d{4})(?!\d)/giu
/** "29.01.2020", "5.2.2019": dots mean day first wherever they are used (de, fi, pl, ru, …). */
const DOTTED_DMY = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/g
/** Seconds (10 digits) or milliseconds (13) since 1970, as some CMSs write them. */
const EPOCH = /^\d{10}(?:\d{3})?$/
/** /2022/09/01/ or /2022-09-01/ in a URL path: a common permalink layout. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/-])/

/** Month names and common abbreviations in the languages of most of our sources (en, de, fr, es, it, pt, nl). */
const MONTH_NAMES: readonly (readonly string[])[] = [
  [
    'jan',
    'january',
    'januar',
    'jänner',
    'janvier',
    'janv',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
  ],
  [
    'feb',
    'february',
    'februar',
    'feber',
    'février',
    'févr',
    'fevr',
    'febrero',
    'febbraio',
    'fevereiro',
    'fev',
    'februari',
  ],
  ['mar', 'march', 'märz', 'mär', 'mars', 'marzo', 'março', 'maart', 'mrt'],
  ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['jul', 'july', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  ['oct', 'october', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
]
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
)

/** A date line is short; scanning further only finds dates that are not the publication date. */
const MAX_TEXT_SCAN = 300

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
  const m = ISO.exec(s) ?? SLASHED.exec(s) ?? COMPACT.exec(s)
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]))
  return dateInText(s)
}

/**
 * The first date written out in running text ("Posted on 14. Juni 2013 by …"), or null. Only forms that
 * are unambiguous: a month name, or day.month.year with dots.
 *
 * @example dateInText('Veröffentlicht am 29.01.2020 um 10:15') // '2020-01-29'
 */
export function dateInText(s: string): string | null {
  const head = s.slice(0, MAX_TEXT_SCAN)
  for (const m of head.matchAll(MONTH_DAY_YEAR)) {
    const month = MONTHS.get((m[1] ?? '').toLowerCase())
    const date = month ? ymd(Number(m[3]), month, Number(m[2])) : null
    if (date) return date
  }
  for (const m of head.matchAll(DAY_MONTH_YEAR)) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase())
    const date = month ? ymd(Number(m[3]), month, Number(m[1])) : null
    if (date) return date
  }
  for (const m of head.matchAll(DOTTED_DMY)) {
    const date = ymd(Number(m[3]), Number(m[2]), Number(m[1]))
    if (date) return date
  }
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
