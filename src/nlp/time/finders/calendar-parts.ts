/**
 * Quarters, halves and seasons: "the third quarter", "third-quarter profit", "Q3 2022",
 * "the first half of 2022", "the fiscal first quarter", "the latest quarter", "last fall", "summer 2021".
 * Without a year the resolver takes it from the anchor (and tense); "the quarter" and "the latest
 * quarter" refer to the quarter last discussed, as financial news does.
 */
import { MONTH_SOURCE, monthNumber, ordinalNumber, partOf, seasonOf } from '../lexicon.js'
import type { Candidate, Finder, Spec } from '../types.js'
import { candidate, fields, wordBefore } from './helpers.js'

const ORDINAL = 'first|second|third|fourth|1st|2nd|3rd|4th|latter'
const QUARTER = new RegExp(
  `\\b(?:the\\s+)?(?:(\\d{4})\\s+|(?:comparable\\s+)?(year-ago|year-earlier)\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(?:(${ORDINAL})|(final|last|latest|current|previous|next|coming|same|year-ago|year-earlier))` +
    `(?:[\\s-]+fiscal)?[\\s-]+(quarter|half)(?![\\w-])` +
    `(?:(?:\\s+of|,)?\\s+(?:(?:fiscal\\s+)?(\\d{4})(?![\\d%])|(this|last|next)\\s+year\\b))?`,
  'gi',
)
const THE_QUARTER = /\bthe\s+quarter\b(?!\s+of\b)/gi
const SHORT_QUARTER = /\b([QH])([1-4])(?:\s+(\d{4}))?\b/g
const SEASON = new RegExp(
  '\\b(?:(early|mid-?|late)\\s*)?(?:(the|this|last|next|that)\\s+)?(?:(early|mid-?|late)\\s*)?' +
    '(spring|summer|fall|autumn|winter)(?![\\w-])(?:,?\\s+(?:of\\s+)?(\\d{4})(?![\\d%]))?',
  'gi',
)
const OF_NEXT = /^\s+of\b/i
const OF_SPELLED_YEAR = /^\s+of\s+(?:nineteen|eighteen|twenty|two\s+thousand)\b/i
const SEASON_LEAD = new Set([
  'in',
  'during',
  'by',
  'until',
  'till',
  'since',
  'through',
  'throughout',
  'before',
  'after',
  'over',
])

export const quarterFinder: Finder = {
  name: 'calendar-parts:quarter',
  regex: QUARTER,
  build(m) {
    const c = buildQuarter(m)
    // "next year's first quarter": the year phrase before the quarter decides its year.
    const yearPhrase = YEAR_PHRASE_BEFORE.exec(m.input.slice(Math.max(0, m.index - 24), m.index))
    if (c !== null && yearPhrase !== null && c.spec.kind === 'absolute' && c.spec.fields.year === undefined) {
      const offset = YEAR_PHRASE_OFFSET[(yearPhrase[1] as string).toLowerCase()] ?? 0
      const spec: Spec = {
        kind: 'relative',
        unit: 'year',
        offset,
        anchor: 'published',
        fields: c.spec.fields,
      }
      return { ...c, start: m.index - yearPhrase[0].length, spec }
    }
    // TBAQ tags the adjective "third-quarter" without its article ("the third-quarter results").
    const the = THE_BEFORE_ADJECTIVE.exec(m[0])
    return c !== null && the !== null ? { ...c, start: m.index + the[0].length } : c
  },
}
const YEAR_PHRASE_BEFORE = /\b(this|last|next)\s+year['’]s\s+$/i
const YEAR_PHRASE_OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 }
const THE_BEFORE_ADJECTIVE = /^the\s+(?=[a-z0-9]+-quarter\b)/i

function buildQuarter(m: RegExpExecArray): Candidate | null {
  {
    const isHalf = (m[5] as string).toLowerCase() === 'half'
    const yearBefore = m[1] === undefined ? undefined : Number(m[1])
    const year = m[6] === undefined ? yearBefore : Number(m[6])
    const yearShift =
      m[7] === undefined
        ? undefined
        : ({ this: 0, last: -1, next: 1 } as Record<string, number>)[m[7].toLowerCase()]
    if (m[3] !== undefined) {
      const n = m[3].toLowerCase() === 'latter' ? 2 : ordinalNumber(m[3])
      if (m[2] !== undefined && !isHalf) {
        // "the year-ago third quarter": that quarter of the year before the one under discussion.
        const spec: Spec = {
          kind: 'relative',
          unit: 'year',
          offset: -1,
          anchor: 'published',
          fields: { quarter: n },
        }
        return candidate(m, 'DATE', spec, 'calendar-parts:year-ago-ordinal')
      }
      if (isHalf && n > 2) return null
      // "the first half of the match" is not a calendar half; "a loss for the third quarter of $226 million"
      // is still a calendar quarter (TBAQ).
      const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 8)
      if (isHalf && year === undefined && yearShift === undefined && OF_NEXT.test(after)) return null
      const known = fields({ year, quarter: isHalf ? undefined : n, half: isHalf ? n : undefined })
      if (yearShift !== undefined) {
        const spec: Spec = {
          kind: 'relative',
          unit: 'year',
          offset: yearShift,
          anchor: 'published',
          fields: known,
        }
        return candidate(m, 'DATE', spec, isHalf ? 'calendar-parts:half' : 'calendar-parts:quarter')
      }
      return candidate(
        m,
        'DATE',
        { kind: 'absolute', fields: known },
        isHalf ? 'calendar-parts:half' : 'calendar-parts:quarter',
      )
    }
    const word = (m[4] as string).toLowerCase()
    if (isHalf) {
      // "the last half of 1989" is its second half; other "last half"s are not calendar halves.
      if ((word !== 'last' && word !== 'final') || year === undefined) return null
      return candidate(m, 'DATE', { kind: 'absolute', fields: { year, half: 2 } }, 'calendar-parts:half')
    }
    const offset =
      word === 'next' || word === 'coming' ? 1 : word === 'current' ? 0 : word.startsWith('year-') ? -4 : -1
    // "the same/previous quarter", "the year-ago quarter" count from the quarter under discussion.
    const anchor =
      word === 'same' || word.startsWith('year-') || word === 'previous' ? 'mention' : 'published'
    const spec: Spec = { kind: 'relative', unit: 'quarter', offset, anchor, fields: {} }
    return candidate(m, 'DATE', spec, `calendar-parts:${word}-quarter`)
  }
}

const ENDED_MONTH = new RegExp(`^\\s+(?:ended|ending)\\s+(${MONTH_SOURCE})\\s*\\d{1,2}\\b`)

/**
 * "the quarter": the quarter under discussion. With nothing under discussion, "the quarter ended July 31" is
 * the three months up to that month, named by the calendar quarter that holds most of them (May–July → Q2).
 */
export const theQuarterFinder: Finder = {
  name: 'calendar-parts:the-quarter',
  regex: THE_QUARTER,
  build(m) {
    const ended = ENDED_MONTH.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 24))
    // The quarter under discussion still wins: a fiscal quarter named before ("the fiscal first quarter …
    // the quarter ended Sept. 29" is Q1 in TBAQ); the end month only replaces the publication fallback.
    const quarter =
      ended === null ? undefined : Math.floor((((monthNumber(ended[1] as string) + 10) % 12) + 3) / 3)
    return candidate(
      m,
      'DATE',
      { kind: 'relative', unit: 'quarter', offset: 0, anchor: 'mention', fields: fields({ quarter }) },
      ended === null ? 'calendar-parts:the-quarter' : 'calendar-parts:the-quarter-ended',
    )
  },
}

export const shortQuarterFinder: Finder = {
  name: 'calendar-parts:short',
  regex: SHORT_QUARTER,
  build(m) {
    const n = Number(m[2])
    const isHalf = m[1] === 'H'
    if (isHalf && n > 2) return null
    const known = fields({
      year: m[3] === undefined ? undefined : Number(m[3]),
      quarter: isHalf ? undefined : n,
      half: isHalf ? n : undefined,
    })
    return candidate(m, 'DATE', { kind: 'absolute', fields: known }, 'calendar-parts:short')
  },
}

export const seasonFinder: Finder = {
  name: 'calendar-parts:season',
  regex: SEASON,
  build(m) {
    const word = (m[4] as string).toLowerCase()
    const det = m[2]?.toLowerCase()
    const year = m[5] === undefined ? undefined : Number(m[5])
    const partWord = m[1] ?? m[3]
    // "fall" and "spring" are also verbs and nouns; alone they need a determiner, a part or a year.
    if (
      det === undefined &&
      year === undefined &&
      partWord === undefined &&
      (word === 'fall' || word === 'spring')
    )
      return null
    // "the spring in the mattress", "the fall of Rome": "the spring/fall" is a season after a temporal word.
    if (
      det === 'the' &&
      year === undefined &&
      partWord === undefined &&
      (word === 'fall' || word === 'spring')
    ) {
      if (!SEASON_LEAD.has(wordBefore(m.input, m.index).toLowerCase())) return null
    }
    const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 8)
    // "the fall of Rome" is no season; "the winter of nineteen ninety-four" is (refiners/merge-spelled-year).
    if (
      year === undefined &&
      OF_NEXT.test(after) &&
      !OF_SPELLED_YEAR.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 16))
    )
      return null
    // Relative seasons ("last fall", "this summer") are found by relative:determined; this covers "the summer", "summer 2021".
    const direction =
      det === 'last' ? 'past' : det === 'next' ? 'future' : det === 'this' ? 'same' : undefined
    const spec: Spec = {
      kind: 'absolute',
      fields: fields({
        year,
        season: seasonOf(word),
        part: partWord === undefined ? undefined : partOf(partWord),
      }),
      ...(direction === undefined ? {} : { direction }),
    }
    return candidate(m, 'DATE', spec, 'calendar-parts:season')
  },
}
