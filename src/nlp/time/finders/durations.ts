/**
 * Counted units: "five years", "24 hours", "the past three years" (DURATION `P3Y`), "a five-year plan",
 * "nearly two months", "several weeks" (`PXW`), and, with "ago/earlier/later/from now", shifted dates
 * ("two years ago" → a DATE). Extents keep approximators and "the past/next", as the TBAQ gold does.
 */
import { durationValue, NUMBER_SOURCE, parseNumber, UNIT_SOURCE, unitOf } from '../lexicon.js'
import type { Candidate, Finder } from '../types.js'
import { candidate } from './helpers.js'

const APPROX =
  'about|around|nearly|almost|more\\s+than|less\\s+than|fewer\\s+than|over|at\\s+least|at\\s+most|up\\s+to|roughly|approximately|some|just|only|under|barely|well\\s+over'
const DURATION = new RegExp(
  `\\b(?:(${APPROX})\\s+)?(?:(the\\s+(?:past|last|next|previous|coming|first|following|final|latest|same|other)|past|last|next|first|another|other)\\s+)?` +
    `(${NUMBER_SOURCE})(?:\\s+more)?[\\s-]+(${UNIT_SOURCE})(?![\\w-])` +
    `(?:\\s+(ago|earlier|later|from\\s+now|hence|old)\\b|-old\\b)?`,
  'gi',
)
/** A bare plural after "for/in/within/over": "for years", "within weeks". */
const BARE_PLURAL = /\b(?:for|within|over|in)\s+(years|months|weeks|days|decades|hours|centuries)\b/gi

/** Words before "a year" that make it a rate ("$5 million a year"), a SET. */
const RATE_CONTEXT = /(?:\d|million|billion|trillion|percent|%|times|once|twice)\S*\s*$/i

export const durationFinder: Finder = {
  name: 'durations',
  regex: DURATION,
  build(m): Candidate | null {
    const rawNumber = m[3] as string
    const unitWord = m[4] as string
    const unit = unitOf(unitWord)
    const amount = parseNumber(rawNumber)
    const lowerNumber = rawNumber.toLowerCase()
    const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 4)
    // "a quarter of the vote", "three quarters of voters": fractions, not periods.
    if (unit === 'quarter' && OF_NEXT.test(after)) return null
    // "a second term", "the first second": ordinals, not units, unless counted in digits or plural.
    if (unit === 'second' && !unitWord.toLowerCase().endsWith('s') && !DIGIT_START.test(rawNumber))
      return null
    if (lowerNumber === 'some' && !unitWord.toLowerCase().endsWith('s')) return null
    const suffix = m[5]?.toLowerCase().replace(SPACES, ' ')
    const lead = m[2]?.toLowerCase()
    if (
      suffix === 'ago' ||
      suffix === 'earlier' ||
      suffix === 'later' ||
      suffix === 'from now' ||
      suffix === 'hence'
    ) {
      const sign = suffix === 'ago' || suffix === 'earlier' ? -1 : 1
      const anchor = suffix === 'ago' || suffix === 'from now' || suffix === 'hence' ? 'published' : 'mention'
      return candidate(
        m,
        'DATE',
        { kind: 'shift', unit, amount, sign, anchor },
        `durations:${suffix.replace(' ', '-')}`,
      )
    }
    if ((lowerNumber === 'a' || lowerNumber === 'an') && lead === undefined && m[1] === undefined) {
      if (RATE_CONTEXT.test(m.input.slice(Math.max(0, m.index - 24), m.index))) {
        return candidate(
          m,
          'SET',
          { kind: 'literal', value: durationValue(1, unit), fields: {} },
          'durations:rate',
        )
      }
    }
    const fortnight = unitWord.toLowerCase().startsWith('fortnight')
    const value = durationValue(amount, unit, fortnight)
    return candidate(m, 'DURATION', { kind: 'literal', value, fields: {} }, 'durations')
  },
}
const OF_NEXT = /^\s+of\b/i
const DIGIT_START = /^\d/
const SPACES = /\s+/g

export const barePluralFinder: Finder = {
  name: 'durations:bare-plural',
  regex: BARE_PLURAL,
  build(m) {
    const unitWord = m[1] as string
    const value = durationValue(null, unitOf(unitWord))
    const start = m[0].length - unitWord.length
    return candidate(m, 'DURATION', { kind: 'literal', value, fields: {} }, 'durations:bare-plural', start)
  },
}
