/**
 * Counted units: "five years", "24 hours", "the past three years" (DURATION `P3Y`), "a five-year plan",
 * "nearly two months", "several weeks" (`PXW`), "2 1/2 years" (`P2Y6M`), "two to three weeks", and, with
 * "ago/earlier/later/from now", shifted dates ("two years ago" → a DATE). Extents keep approximators
 * ("nearly", "at least") and "the (past/next)", as the TBAQ gold mostly does; "over the past…" drops
 * "over", and ages ("52 years old") are left out, as TBAQ leaves them.
 */
import { durationValue, NUMBER_SOURCE, parseNumber, UNIT_SOURCE, unitOf } from '../lexicon.js'
import type { Candidate, Finder } from '../types.js'
import { candidate } from './helpers.js'

const APPROX =
  'about|around|nearly|almost|more\\s+than|less\\s+than|fewer\\s+than|no\\s+more\\s+than|over|at\\s+least|at\\s+most|up\\s+to|roughly|approximately|some'
const DURATION = new RegExp(
  `\\b(?:(${APPROX})\\s+)?(?:(the\\s+(?:past|last|next|previous|coming|first|following|final|latest|same|other|entire|full|year-earlier|year-ago)|the|past|last|next|first|another|other)\\s+)?` +
    `(?:(${NUMBER_SOURCE})\\s+(?:to|or)\\s+)?(${NUMBER_SOURCE})(\\s+1/2|\\s+and\\s+a\\s+half)?(?:\\s+more)?[\\s-]+(${UNIT_SOURCE})(?![\\w-])` +
    `(\\s+and\\s+a\\s+half)?(?:\\s+(ago|earlier|later|from\\s+now|hence)\\b)?`,
  'gi',
)
/**
 * A bare plural after "for/in/within/over" ("for years", "within weeks"), or after "recent/coming"
 * ("in recent months", "in coming weeks"), which TBAQ writes as vague durations (`PXM`, 7 of 12 on train,
 * the others `PAST_REF`/`FUTURE_REF`). The preposition is a signal; "recent" stays in the extent.
 */
const BARE_PLURAL =
  /\b(?:(?:for|within|over|in)\s+|(recent|coming|upcoming)\s+)(years|months|weeks|days|decades|hours|centuries|quarters)\b/gi

/** Words before "a year" that make it a rate ("$5 million a year"), a SET. */
const RATE_CONTEXT = /(?:\d|million|billion|trillion|percent|%|times|once|twice)\S*\s*$/i
const AGE_NEXT = /^(?:\s+|-)old\b/i
const OF_NEXT = /^\s+of\b/i
const DIGIT_START = /^\d/
const CAPITALISED = /^[A-Z]/
const SPACES = /\s+/g
const WHITESPACE = /\s/
const APPROX_PREFIX = /^\S+(?:\s+than)?\s+/
const LEADING_THE = /^the\s+/i

export const durationFinder: Finder = {
  name: 'durations',
  regex: DURATION,
  build(m): Candidate | null {
    const rawNumber = m[4] as string
    const unitWord = m[6] as string
    const unit = unitOf(unitWord)
    const range = m[3] !== undefined
    const half = m[5] !== undefined || m[7] !== undefined
    const base = parseNumber(rawNumber)
    const amount = range || base === null ? null : half ? base + 0.5 : base
    const lowerNumber = rawNumber.toLowerCase()
    const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 6)
    // "a quarter of the vote", "three quarters of voters": fractions, not periods.
    if (unit === 'quarter' && OF_NEXT.test(after)) return null
    // "52 years old", "a 40-year-old": ages, which TBAQ does not tag.
    if (AGE_NEXT.test(after)) return null
    // "a second term": an ordinal, not a unit, unless counted in digits or plural.
    if (unit === 'second' && !unitWord.toLowerCase().endsWith('s') && !DIGIT_START.test(rawNumber))
      return null
    if (lowerNumber === 'some' && !unitWord.toLowerCase().endsWith('s')) return null
    // "60 Minutes", "48 Hours": programme titles.
    if (CAPITALISED.test(unitWord) && m.index > 0 && !CAPITALISED.test(m[0])) return null
    const approx = m[1]?.toLowerCase()
    const lead = m[2]?.toLowerCase().replace(SPACES, ' ')
    // "over the past 20 years": "over" is a signal here; "over an hour" keeps it (TBAQ).
    // "the eight-year war": an adjective; the article belongs to the noun (TBAQ, 5 of 5).
    const skip =
      approx === 'over' && lead !== undefined
        ? (APPROX_PREFIX.exec(m[0])?.[0].length ?? 0)
        : lead === 'the' && approx === undefined && m[0].includes(`-${unitWord}`)
          ? (LEADING_THE.exec(m[0])?.[0].length ?? 0)
          : 0
    const suffix = m[8]?.toLowerCase().replace(SPACES, ' ')
    if (suffix === 'later') {
      // "Three days later, …": TBAQ tags the span "Three days" as a DURATION and leaves "later" as a signal.
      const c = candidate(
        m,
        'DURATION',
        { kind: 'literal', value: durationValue(amount, unit), fields: {} },
        'durations',
        skip,
      )
      let end = m.index + m[0].toLowerCase().lastIndexOf('later')
      while (end > c.start && WHITESPACE.test(m.input.charAt(end - 1))) end--
      return { ...c, end }
    }
    if (suffix !== undefined) {
      const sign = suffix === 'ago' || suffix === 'earlier' ? -1 : 1
      const anchor = suffix === 'ago' || suffix === 'from now' || suffix === 'hence' ? 'published' : 'mention'
      const rule = `durations:${suffix.replace(' ', '-')}`
      return candidate(m, 'DATE', { kind: 'shift', unit, amount, sign, anchor }, rule, skip)
    }
    if ((lowerNumber === 'a' || lowerNumber === 'an') && lead === undefined && approx === undefined) {
      if (RATE_CONTEXT.test(m.input.slice(Math.max(0, m.index - 24), m.index))) {
        const value = durationValue(1, unit)
        return candidate(m, 'SET', { kind: 'literal', value, fields: {} }, 'durations:rate')
      }
    }
    // "the" alone before a count belongs to the extent only for "the nine months" style periods.
    if (lead === 'the' && (lowerNumber === 'a' || lowerNumber === 'an')) return null
    const fortnight = unitWord.toLowerCase().startsWith('fortnight')
    const value = durationValue(amount, unit, fortnight)
    // "the nine months", "the first six months": the reporting period of business news.
    const period =
      unit === 'month' &&
      (lead === 'the' || lead === 'the first' || lead === 'the latest') &&
      approx === undefined
    return candidate(
      m,
      'DURATION',
      { kind: 'literal', value, fields: {}, ...(period ? { period: true as const } : {}) },
      'durations',
      skip,
    )
  },
}

export const barePluralFinder: Finder = {
  name: 'durations:bare-plural',
  regex: BARE_PLURAL,
  build(m) {
    const unitWord = m[2] as string
    const value = durationValue(null, unitOf(unitWord))
    const start = m[1] === undefined ? m[0].length - unitWord.length : 0
    return candidate(m, 'DURATION', { kind: 'literal', value, fields: {} }, 'durations:bare-plural', start)
  },
}

/** "decades-long", "a day-long meeting": a duration adjective, one unit or a vague plural (TBAQ). */
const UNIT_LONG = /(?<![\w-])(days?|weeks?|months?|years?|decades?|century|centuries)-long\b/gi

export const unitLongFinder: Finder = {
  name: 'durations:unit-long',
  regex: UNIT_LONG,
  build(m) {
    const word = (m[1] as string).toLowerCase()
    const value = durationValue(word.endsWith('s') ? null : 1, unitOf(word))
    return candidate(m, 'DURATION', { kind: 'literal', value, fields: {} }, 'durations:unit-long')
  },
}
