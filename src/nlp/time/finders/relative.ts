/**
 * Deictic and anaphoric expressions: "today", "yesterday afternoon", "last week", "this month",
 * "earlier this year", "early next year", "the next day", "that year", "this morning", "last night".
 * "this/last/next" count from the publication date; "the next/following/previous/same", "that" count
 * from the last date mentioned (narrative anchoring, HeidelTime's `getLastMentionedX`).
 */
import { durationValue, PART_OF_DAY_SOURCE, partOf, partOfDayOf, seasonOf } from '../lexicon.js'
import type { AnchorKind, Candidate, Direction, Finder, Unit } from '../types.js'
import { candidate, fields } from './helpers.js'

const DAY_WORD = new RegExp(
  `\\b(?:(earlier|later|early|late)\\s+)?(today|tonight|yesterday|tomorrow)(?![\\w-])(?:\\s+(${PART_OF_DAY_SOURCE})\\b)?`,
  'gi',
)
const DAY_AROUND = /\bthe\s+day\s+(before\s+yesterday|after\s+tomorrow)\b/gi
const DETERMINED = new RegExp(
  '\\b(?:(early|late|mid-|earlier|later)\\s*)?' +
    '(this\\s+past|this|last|next|past|coming|the\\s+(?:current|past|last|latest|next|coming|previous|following|same|prior)|that|current|previous)\\s+' +
    `(fiscal\\s+year|week|weekend|month|year|quarter|decade|century|day|${PART_OF_DAY_SOURCE}|spring|summer|fall|autumn|winter)(?![\\w-])`,
  'gi',
)

const CAPITAL = /^[A-Z]/
/** Start of text, or after sentence punctuation, a line break, a quote or a bracket. */
const SENTENCE_START = /(?:^|[.!?:;\n"“‘'`(—–-])\s*$/
const DAY_OFFSET: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }

export const dayWordFinder: Finder = {
  name: 'relative:day-word',
  regex: DAY_WORD,
  build(m) {
    const word = (m[2] as string).toLowerCase()
    // "BBC Radio 4's Today programme", "told Today": a capitalised "Today" inside a sentence is a title.
    if (
      m[1] === undefined &&
      CAPITAL.test(m[2] as string) &&
      !SENTENCE_START.test(m.input.slice(Math.max(0, m.index - 3), m.index))
    ) {
      if (m.index > 0) return null
    }
    const pod = m[3] ?? (word === 'tonight' ? 'night' : undefined)
    const partOfDay = pod === undefined ? undefined : partOfDayOf(pod)
    const spec = {
      kind: 'relative' as const,
      unit: 'day' as const,
      offset: DAY_OFFSET[word] ?? 0,
      anchor: 'published' as const,
      fields: fields({ partOfDay }),
    }
    return candidate(m, partOfDay === undefined ? 'DATE' : 'TIME', spec, 'relative:day-word')
  },
}

export const dayAroundFinder: Finder = {
  name: 'relative:day-around',
  regex: DAY_AROUND,
  build(m) {
    const offset = (m[1] as string).toLowerCase().startsWith('before') ? -2 : 2
    const spec = {
      kind: 'relative' as const,
      unit: 'day' as const,
      offset,
      anchor: 'published' as const,
      fields: {},
    }
    return candidate(m, 'DATE', spec, 'relative:day-around')
  },
}

interface Determiner {
  offset: number
  anchor: AnchorKind
  /** "the past year" is a duration (TimeML), "last year" a date. */
  duration?: boolean
}
const DETERMINERS: Record<string, Determiner> = {
  this: { offset: 0, anchor: 'published' },
  current: { offset: 0, anchor: 'published' },
  'the current': { offset: 0, anchor: 'published' },
  'this past': { offset: -1, anchor: 'published' },
  last: { offset: -1, anchor: 'published' },
  past: { offset: -1, anchor: 'published' },
  'the last': { offset: -1, anchor: 'published' },
  'the past': { offset: -1, anchor: 'published', duration: true },
  next: { offset: 1, anchor: 'published' },
  coming: { offset: 1, anchor: 'published' },
  'the coming': { offset: 1, anchor: 'published', duration: true },
  'the next': { offset: 1, anchor: 'mention' },
  'the following': { offset: 1, anchor: 'mention' },
  'the previous': { offset: -1, anchor: 'mention' },
  'the latest': { offset: -1, anchor: 'published' },
  'the prior': { offset: -1, anchor: 'mention' },
  previous: { offset: -1, anchor: 'mention' },
  that: { offset: 0, anchor: 'mention' },
  'the same': { offset: 0, anchor: 'mention' },
}
const SPACES = /\s+/g

export const determinedFinder: Finder = {
  name: 'relative:determined',
  regex: DETERMINED,
  build(m): Candidate | null {
    const det = DETERMINERS[(m[2] as string).toLowerCase().replace(SPACES, ' ')]
    if (det === undefined) return null
    const unitWord = (m[3] as string).toLowerCase().replace(SPACES, ' ')
    const mod = m[1]?.toLowerCase()
    // "early/late/mid" set `part`; "earlier/later" only widen the extent (TBAQ: "earlier this month" → 1989-10).
    const part =
      mod === undefined || mod.startsWith('earlier') || mod.startsWith('later') ? undefined : partOf(mod)
    if (
      unitWord === 'spring' ||
      unitWord === 'summer' ||
      unitWord === 'fall' ||
      unitWord === 'autumn' ||
      unitWord === 'winter'
    ) {
      const direction: Direction | undefined =
        det.offset < 0 ? 'past' : det.offset > 0 ? 'future' : det.anchor === 'published' ? 'same' : undefined
      const spec = {
        kind: 'absolute' as const,
        fields: fields({ season: seasonOf(unitWord), part }),
        ...(direction === undefined ? {} : { direction }),
      }
      return candidate(m, 'DATE', spec, 'relative:season')
    }
    if (
      unitWord === 'morning' ||
      unitWord === 'afternoon' ||
      unitWord === 'evening' ||
      unitWord === 'night' ||
      unitWord === 'overnight'
    ) {
      // "this morning" is today; "last night" yesterday; "that night" the day last mentioned.
      const spec = {
        kind: 'relative' as const,
        unit: 'day' as const,
        offset: det.offset,
        anchor: det.anchor,
        fields: { partOfDay: partOfDayOf(unitWord) },
      }
      return candidate(m, 'TIME', spec, 'relative:part-of-day')
    }
    const unit: Unit = unitWord === 'fiscal year' ? 'year' : (unitWord as Unit)
    // "this day", "last day" are not deictic days in news ("the last day of the trial").
    if (unit === 'day' && det.anchor === 'published') return null
    // "the past year" is last year in TBAQ (2 of 2); "the past decade", "the coming year" are spans.
    if (det.duration && !(unit === 'year' && det.offset < 0)) {
      const value = durationValue(1, unit)
      return candidate(m, 'DURATION', { kind: 'literal', value, fields: {} }, 'relative:span')
    }
    const spec = {
      kind: 'relative' as const,
      unit,
      offset: det.offset,
      anchor: det.anchor,
      fields: fields({ part }),
    }
    return candidate(m, 'DATE', spec, `relative:${det.anchor}`)
  },
}

const THE_WEEKEND = /\bthe\s+weekend\b/gi

export const theWeekendFinder: Finder = {
  name: 'relative:the-weekend',
  regex: THE_WEEKEND,
  build: (m) =>
    candidate(
      m,
      'DATE',
      { kind: 'relative', unit: 'weekend', offset: 0, anchor: 'published', fields: {}, byTense: true },
      'relative:the-weekend',
    ),
}
