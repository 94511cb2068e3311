/**
 * Phrases about the current year, month and quarter in business news: "the year", "the fiscal year",
 * "the full year", "year-end", "year's end", "earlier in the year", "the end of the month",
 * "the year-ago period", "year-earlier" (an adjective: "year-earlier results"), "the corresponding period
 * last year", "last year's quarter", "the latest period".
 * TBAQ: "for the year ended Sept. 30" is a DURATION `P1Y`; otherwise "the year" is the current year.
 */
import type { Candidate, Finder, Spec } from '../types.js'
import { candidate, fields, wordBefore } from './helpers.js'

const THE_YEAR =
  /\b(?:(earlier|later)\s+in\s+)?the\s+(?:(full|fiscal|current|calendar|entire|whole)\s+)?(year|month|week)\b(?!-|\s+(?:before|after|earlier|ago)\b)/gi
const YEAR_END = /\b(?:around\s+)?year(?:[’']s)?[\s-]end\b/gi
const END_OF =
  /\b(?:the\s+)?(end|beginning|start|middle)\s+of\s+(?:the|(this|last|next))\s+(year|month|week|quarter)\b/gi
const DET_OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 }
const YEAR_AGO =
  /\b(?:(?:the\s+)?year-(?:ago|earlier)(?:\s+(period|quarter|months?))?|the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))|last\s+year[’']s\s+(?:period|quarter))(?![\w-])/gi
const LATEST_PERIOD = /\bthe\s+(?:latest|most\s+recent|current)\s+period\b/gi
const LEADING_THE = /^the\s+/i
const ENDED = /^\s+(?:ended|ending|that\s+ended|through|to)\b/i
const WEEK_OF = /^\s+of\b/i

export const theYearFinder: Finder = {
  name: 'year-phrases:the-year',
  regex: THE_YEAR,
  build(m): Candidate | null {
    const unit = (m[3] as string).toLowerCase() as 'year' | 'month' | 'week'
    const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 16)
    // "the year ended Sept. 30", "for the fiscal year": a span of one unit.
    if (m[1] === undefined && ENDED.test(after)) {
      const value = unit === 'year' ? 'P1Y' : unit === 'month' ? 'P1M' : 'P1W'
      return candidate(
        m,
        'DURATION',
        { kind: 'literal', value, fields: {} },
        'year-phrases:the-year-duration',
      )
    }
    // "For the week", "the week's most active session": a week under discussion, which TBAQ leaves unplaced
    // (`1989-WXX`, train 3 of 3); "the week of March 6" is left to the date.
    if (unit === 'week' && m[1] === undefined) {
      // Not "the whole week" (a span), "the week of March 6" (placed by its date) or "song of the week",
      // "every day of the week" (generic).
      if (m[2] !== undefined || WEEK_OF.test(after) || wordBefore(m.input, m.index).toLowerCase() === 'of')
        return null
      const week: Spec = {
        kind: 'relative',
        unit,
        offset: 0,
        anchor: 'published',
        fields: {},
        unplaced: true,
      }
      return candidate(m, 'DATE', week, 'year-phrases:the-week')
    }
    const spec: Spec = { kind: 'relative', unit, offset: 0, anchor: 'published', fields: {} }
    return candidate(m, 'DATE', spec, 'year-phrases:the-year')
  },
}

export const yearEndFinder: Finder = {
  name: 'year-phrases:year-end',
  regex: YEAR_END,
  build: (m) =>
    candidate(
      m,
      'DATE',
      { kind: 'relative', unit: 'year', offset: 0, anchor: 'published', fields: { part: 'late' } },
      'year-phrases:year-end',
    ),
}

export const endOfFinder: Finder = {
  name: 'year-phrases:end-of',
  regex: END_OF,
  build(m) {
    const word = (m[1] as string).toLowerCase()
    const part = word === 'end' ? 'late' : word === 'middle' ? 'mid' : 'early'
    const unit = (m[3] as string).toLowerCase() as 'year' | 'month' | 'week' | 'quarter'
    // "the end of this week" counts from publication like "this week"; "the end of the quarter" means the
    // quarter under discussion.
    const det = m[2]?.toLowerCase()
    const spec: Spec = {
      kind: 'relative',
      unit,
      offset: det === undefined ? 0 : (DET_OFFSET[det] ?? 0),
      anchor: unit === 'quarter' && det === undefined ? 'mention' : 'published',
      fields: fields({ part }),
    }
    return candidate(m, 'DATE', spec, 'year-phrases:end-of')
  },
}

export const yearAgoFinder: Finder = {
  name: 'year-phrases:year-ago',
  regex: YEAR_AGO,
  build(m) {
    const noun = m[1]?.toLowerCase()
    if (noun !== undefined && noun.startsWith('month')) return null
    // "the year-ago period" keeps its article; the bare adjective ("the year-ago results") does not (TBAQ).
    // "the corresponding period last year", "last year's quarter": the same, with their own nouns.
    const phrase = !m[0].toLowerCase().includes('year-')
    const skip = noun === undefined && !phrase ? (LEADING_THE.exec(m[0])?.[0].length ?? 0) : 0
    const lower = m[0].toLowerCase()
    const period =
      noun === 'period' || (phrase && lower.includes('period'))
        ? 'period'
        : noun === 'quarter' || (phrase && lower.includes('quarter'))
          ? 'quarter'
          : undefined
    const spec: Spec = {
      kind: 'shift',
      unit: 'year',
      amount: 1,
      sign: -1,
      anchor: 'published',
      ...(period === undefined ? {} : { period }),
    }
    return candidate(m, 'DATE', spec, 'year-phrases:year-ago', skip)
  },
}

export const latestPeriodFinder: Finder = {
  name: 'year-phrases:latest-period',
  regex: LATEST_PERIOD,
  build: (m) =>
    candidate(
      m,
      'DATE',
      { kind: 'relative', unit: 'quarter', offset: 0, anchor: 'mention', fields: {} },
      'year-phrases:latest-period',
    ),
}

/** "the 1988 period", "the 1989 quarter": the quarter under discussion, in the year named. */
const YEAR_PERIOD = /\bthe\s+(\d{4})\s+(?:period|quarter)\b/gi

export const yearPeriodFinder: Finder = {
  name: 'year-phrases:year-period',
  regex: YEAR_PERIOD,
  build(m) {
    const year = Number(m[1])
    const spec: Spec = { kind: 'relative', unit: 'quarter', offset: 0, anchor: 'mention', fields: { year } }
    return candidate(m, 'DATE', spec, 'year-phrases:year-period')
  },
}
