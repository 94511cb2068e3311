/**
 * Clock times and named times: "3 p.m.", "10:35 a.m. EST", "15:00 GMT", "noon", "midnight",
 * "mid-afternoon". The day comes from the anchor, or from a date next to it (see merge-date-time).
 */
import { MONTH_SOURCE, NUMBER_SOURCE, parseNumber, WEEKDAY_SOURCE } from '../lexicon.js'
import type { Finder } from '../types.js'
import { candidate, fields } from './helpers.js'

const ZONE = '(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local\\s+time)\\b)?'
const CLOCK_12 = new RegExp(
  `\\b(?:(around|about|approximately|roughly)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m\\b(\\.)?(${ZONE})`,
  'gi',
)
const SENTENCE_AFTER = new RegExp(`^(?:\\s*$|\\s+(?!(?:${WEEKDAY_SOURCE}|${MONTH_SOURCE})\\b)[A-Z])`)
const CLOCK_24 = new RegExp(
  `(?<![\\d:.,])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:]|\\s*[ap]\\.?m\\b|\\.\\d)(${ZONE})`,
  'g',
)
const NAMED =
  /\b(?:(around|about|shortly\s+(?:before|after))\s+)?(noon|midnight|midday|mid-?\s?(?:morning|afternoon|day))\b/gi
const OCLOCK = new RegExp(`\\b(${NUMBER_SOURCE})\\s+o['’]clock\\b`, 'gi')

export const clock12Finder: Finder = {
  name: 'time-of-day:12h',
  regex: CLOCK_12,
  build(m) {
    let hour = Number(m[2])
    const minute = m[3] === undefined ? 0 : Number(m[3])
    if (hour < 1 || hour > 12) return null
    const pm = (m[4] as string).toLowerCase() === 'p'
    if (pm && hour < 12) hour += 12
    if (!pm && hour === 12) hour = 0
    const c = candidate(m, 'TIME', { kind: 'absolute', fields: { hour, minute } }, 'time-of-day:12h')
    // "at 10 p.m. Wednesday" keeps the period; "at 10 p.m. The police…" leaves it to the sentence.
    if (m[5] !== undefined && (m[6] ?? '') === '' && SENTENCE_AFTER.test(m.input.slice(c.end, c.end + 24))) {
      return { ...c, end: c.end - 1 }
    }
    return c
  },
}

export const clock24Finder: Finder = {
  name: 'time-of-day:24h',
  regex: CLOCK_24,
  build(m) {
    // A bare "3:30" is as often a score or a ratio; require two-digit hours or a time zone.
    if ((m[1] as string).length < 2 && (m[3] ?? '') === '') return null
    const hour = Number(m[1])
    const minute = Number(m[2])
    return candidate(m, 'TIME', { kind: 'absolute', fields: { hour, minute } }, 'time-of-day:24h')
  },
}

export const namedTimeFinder: Finder = {
  name: 'time-of-day:named',
  regex: NAMED,
  build(m) {
    const word = (m[2] as string).toLowerCase()
    if (word === 'noon' || word === 'midday' || word === 'mid-day' || word === 'mid day') {
      return candidate(m, 'TIME', { kind: 'absolute', fields: { hour: 12, minute: 0 } }, 'time-of-day:noon')
    }
    if (word === 'midnight') {
      return candidate(
        m,
        'TIME',
        { kind: 'absolute', fields: { hour: 24, minute: 0 } },
        'time-of-day:midnight',
      )
    }
    const partOfDay = word.includes('morning') ? 'MO' : 'AF'
    return candidate(m, 'TIME', { kind: 'absolute', fields: fields({ partOfDay }) }, 'time-of-day:mid')
  },
}

export const oclockFinder: Finder = {
  name: 'time-of-day:oclock',
  regex: OCLOCK,
  build(m) {
    const hour = parseNumber(m[1] as string)
    if (hour === null || hour < 1 || hour > 12 || !Number.isInteger(hour)) return null
    return candidate(m, 'TIME', { kind: 'absolute', fields: { hour, minute: 0 } }, 'time-of-day:oclock')
  },
}
