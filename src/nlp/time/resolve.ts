/**
 * Turns an underspecified {@link Spec} into a TIMEX3 value with `known` (stated) and `implied` (filled in
 * from the anchor) fields. Anchors: the publication date (news style) or the last date mentioned
 * (narrative style, for "the next day", "that year", "a year earlier"). With no publication date the
 * value keeps `X` placeholders and nothing is implied: unknown stays unknown.
 */
import type { TimeFields, TimeType } from '../../model/layers.js'
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  isoWeek,
  isoWeekday,
  pad,
  quarterOf,
  type Ymd,
} from './calendar.js'
import type { Tense } from './tense.js'
import type { Direction, Spec, Unit } from './types.js'

/** A point the text has mentioned, at the granularity it was mentioned. */
export interface Mentioned {
  year: number
  month?: number
  day?: number
  quarter?: number
  granularity: 'year' | 'quarter' | 'month' | 'day'
}

export interface ResolveState {
  /** Publication date, or null when unknown. */
  readonly published: Ymd | null
  /** Last date mentioned so far, in text order. */
  last: Mentioned | null
  /**
   * The reporting period under discussion when it is a span of months ("the nine months", `P9M`) named
   * after the last quarter; null when a quarter (or nothing) is under discussion.
   */
  months?: string | null
  /** The last quarter mentioned, for phrases that name a period ("last year's quarter"). */
  quarter?: Mentioned | null
}

export interface Resolved {
  value: string
  known: TimeFields
  implied: TimeFields
  /** How the anchor was used, appended to `prov.rule`. */
  anchor: string
  /** A type other than the finder's, when the anchor decides it ("the year-earlier period" as a span). */
  type?: TimeType
}

const SEASON_MONTH = { SP: 4, SU: 7, FA: 10, WI: 1 } as const
const PART_OF_DAY = new Set(['MO', 'AF', 'EV', 'NI', 'DT'])

/** Direction for a month or weekday without a year: stated, else from tense (present counts as future). */
function directionFrom(stated: Direction | undefined, tense: () => Tense): Direction | 'none' {
  if (stated !== undefined) return stated
  const t = tense()
  if (t === 'past') return 'past'
  if (t === 'future') return 'future'
  // HeidelTime groups the present with the future; on TBAQ treating it as neutral scores higher (80.3 vs 80.2).
  if (t === 'present') return 'same'
  return 'none'
}

/**
 * Year for a month (and day) without one. News mostly talks about dates near publication, so the year
 * that puts the date nearest the publication date wins; tense overrides only when that date lies more
 * than TENSE_WINDOW_DAYS on the wrong side (HeidelTime's rule, with a window: "payable Dec. 1" in a
 * past-tense sentence of October news is still this December).
 */
function yearFor(published: Ymd, month: number, day: number, direction: Direction | 'none'): number {
  const pub = dayNumber(published)
  const offsetIn = (year: number): number =>
    dayNumber({ year, month, day: Math.min(day, daysInMonth(year, month)) }) - pub
  let best = published.year
  for (const year of [published.year - 1, published.year + 1]) {
    if (Math.abs(offsetIn(year)) < Math.abs(offsetIn(best))) best = year
  }
  const offset = offsetIn(best)
  if (direction === 'past' && offset > TENSE_WINDOW_DAYS) return best - 1
  if (direction === 'future' && offset < -TENSE_WINDOW_DAYS) return best + 1
  return best
}
/**
 * Quarters and halves without a year are reported after they end ("growth slowed in the third quarter"
 * in March news is last year's): without a future cue they look back. On TBAQ train this costs nothing
 * once "next year's first quarter" is read as such (80.99 either way).
 */
function periodDirection(f: TimeFields, direction: Direction | 'none'): Direction | 'none' {
  if ((f.quarter !== undefined || f.half !== undefined) && f.month === undefined && direction !== 'future')
    return 'past'
  return direction
}

/** Year for "last May", "next March", "this summer": strict, as the words say. */
function statedYear(published: Ymd, month: number, direction: Direction): number {
  if (direction === 'past') return month >= published.month ? published.year - 1 : published.year
  if (direction === 'future') return month <= published.month ? published.year + 1 : published.year
  return published.year
}
/**
 * How far a date may lie against the tense before the tense moves it a year. Tuned on TBAQ train (value F1
 * 72.8 at 0 days, 75.6 at 60, 76.3 at 90, 76.2 at 120, 75.2 at 183); a zero window for months without a
 * day also scores lower (78.6 vs 80.3), because our tense cues are noisy.
 */
const TENSE_WINDOW_DAYS = 90

/** `YYYY`, `YYYY-MM`, `YYYY-Qn`, `YYYY-SU`… from fields; `year` may be 'XXXX'. */
function formatCalendar(year: string, f: TimeFields): string {
  let v = year
  if (f.month !== undefined) {
    v += `-${pad(f.month)}`
    if (f.day !== undefined) v += `-${pad(f.day)}`
  } else if (f.quarter !== undefined) v += `-Q${f.quarter}`
  else if (f.half !== undefined) v += `-H${f.half}`
  else if (f.season !== undefined) v += `-${f.season}`
  return v
}

/** `THH:MM` or `TMO` for a time of day, '' when none. */
function timeSuffix(f: TimeFields): string {
  if (f.hour !== undefined) return `T${pad(f.hour)}:${pad(f.minute ?? 0)}`
  if (f.partOfDay !== undefined && PART_OF_DAY.has(f.partOfDay)) return `T${f.partOfDay}`
  return ''
}

function dayValue(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`
}

/** Fields with the day of an nth-weekday holiday filled in, once the year is known. */
function withNthDay(
  f: TimeFields,
  year: number,
  nth: { weekday: number; n: number; after?: number } | undefined,
): TimeFields {
  if (nth === undefined || f.month === undefined) return f
  let day: number
  if (nth.n > 0) {
    const first = isoWeekday({ year, month: f.month, day: 1 })
    day = 1 + ((nth.weekday - first + 7) % 7) + 7 * (nth.n - 1)
  } else {
    const lastDay = daysInMonth(year, f.month)
    const last = isoWeekday({ year, month: f.month, day: lastDay })
    day = lastDay - ((last - nth.weekday + 7) % 7)
  }
  return { ...f, day: day + (nth.after ?? 0) }
}

function resolveAbsolute(
  f: TimeFields,
  direction: Direction | undefined,
  tense: () => Tense,
  state: ResolveState,
  nth?: { weekday: number; n: number; after?: number },
): Resolved {
  const known = f
  if (f.century !== undefined) return { value: pad(f.century - 1), known, implied: {}, anchor: 'none' }
  if (f.decade !== undefined)
    return { value: String(Math.floor(f.decade / 10)), known, implied: {}, anchor: 'none' }
  const calendar =
    f.month !== undefined || f.quarter !== undefined || f.half !== undefined || f.season !== undefined
  const clock = f.hour !== undefined || f.partOfDay !== undefined
  if (f.year !== undefined) {
    // "Thanksgiving 2021" states its day through the name: known, not implied.
    const g = withNthDay(f, f.year, nth)
    return { value: formatCalendar(pad(f.year, 4), g) + timeSuffix(f), known: g, implied: {}, anchor: 'none' }
  }
  const published = state.published
  if (calendar) {
    if (published === null) return { value: formatCalendar('XXXX', f), known, implied: {}, anchor: 'unknown' }
    const month =
      f.month ??
      (f.quarter !== undefined
        ? f.quarter * 3 - 1
        : f.half !== undefined
          ? f.half * 6 - 3
          : SEASON_MONTH[f.season ?? 'SU'])
    const year =
      direction === undefined
        ? yearFor(published, month, f.day ?? 15, periodDirection(f, directionFrom(direction, tense)))
        : statedYear(published, month, direction)
    const g = withNthDay(f, year, nth)
    const implied: TimeFields = g.day !== f.day && g.day !== undefined ? { year, day: g.day } : { year }
    return { value: formatCalendar(pad(year, 4), g), known, implied, anchor: 'published' }
  }
  if (clock) {
    if (published === null)
      return { value: `XXXX-XX-XX${timeSuffix(f)}`, known, implied: {}, anchor: 'unknown' }
    const { year, month, day } = published
    return {
      value: dayValue(published) + timeSuffix(f),
      known,
      implied: { year, month, day },
      anchor: 'published',
    }
  }
  return { value: 'XXXX', known, implied: {}, anchor: 'unknown' }
}

/** The day a mention-anchored expression counts from: the last mentioned day, else the publication date. */
function anchorDay(state: ResolveState, mention: boolean): { day: Ymd; how: string } | null {
  const last = state.last
  if (mention && last?.day !== undefined && last.month !== undefined) {
    return { day: { year: last.year, month: last.month, day: last.day }, how: 'mention' }
  }
  return state.published === null ? null : { day: state.published, how: 'published' }
}

const UNKNOWN_BY_UNIT: Record<Unit, string> = {
  second: 'XXXX-XX-XX',
  minute: 'XXXX-XX-XX',
  hour: 'XXXX-XX-XX',
  day: 'XXXX-XX-XX',
  week: 'XXXX-WXX',
  weekend: 'XXXX-WXX-WE',
  month: 'XXXX-XX',
  quarter: 'XXXX-QX',
  half: 'XXXX-HX',
  year: 'XXXX',
  decade: 'XXX',
  century: 'XX',
}

/** A point `offset` units from `base`, at the unit's granularity. */
function shiftedValue(base: Ymd, unit: Unit, offset: number): { value: string; implied: TimeFields } {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day': {
      const d = addDays(base, unit === 'day' ? offset : 0)
      return { value: dayValue(d), implied: { year: d.year, month: d.month, day: d.day } }
    }
    case 'week':
    case 'weekend': {
      const w = isoWeek(addDays(base, offset * 7))
      return {
        value: `${pad(w.year, 4)}-W${pad(w.week)}${unit === 'weekend' ? '-WE' : ''}`,
        implied: { year: w.year, week: w.week },
      }
    }
    case 'month': {
      const m = addMonths(base.year, base.month, offset)
      return { value: `${pad(m.year, 4)}-${pad(m.month)}`, implied: { year: m.year, month: m.month } }
    }
    case 'quarter': {
      const m = addMonths(base.year, base.month, offset * 3)
      const quarter = quarterOf(m.month)
      return { value: `${pad(m.year, 4)}-Q${quarter}`, implied: { year: m.year, quarter } }
    }
    case 'half': {
      const m = addMonths(base.year, base.month, offset * 6)
      const half = m.month <= 6 ? 1 : 2
      return { value: `${pad(m.year, 4)}-H${half}`, implied: { year: m.year, half } }
    }
    case 'year':
      return { value: pad(base.year + offset, 4), implied: { year: base.year + offset } }
    case 'decade': {
      const decade = (Math.floor(base.year / 10) + offset) * 10
      return { value: String(decade / 10), implied: { decade } }
    }
    case 'century': {
      const century = Math.floor(base.year / 100) + 1 + offset
      return { value: pad(century - 1), implied: { century } }
    }
  }
}

/**
 * A day inside the quarter last mentioned, else inside the quarter the text names by its end ("the quarter
 * ended July 31", the latest such before publication), else inside the quarter before publication
 * (reporting lag).
 */
function quarterBase(state: ResolveState, named: number | undefined): Ymd | null {
  const last = state.last
  if (last?.quarter !== undefined) return { year: last.year, month: last.quarter * 3 - 1, day: 15 }
  if (state.published === null) return null
  if (named !== undefined) {
    const month = named * 3 - 1
    return { year: yearFor(state.published, month, 15, 'past'), month, day: 15 }
  }
  const m = addMonths(state.published.year, state.published.month, -3)
  return { year: m.year, month: m.month, day: 15 }
}

function resolveRelative(
  original: Extract<Spec, { kind: 'relative' }>,
  tense: () => Tense,
  state: ResolveState,
): Resolved {
  const spec = original.byTense === true ? weekendByTense(original, tense, state) : original
  const known = spec.fields
  if (spec.unit === 'quarter' && spec.anchor === 'mention') {
    const base = quarterBase(state, known.quarter)
    if (base === null) {
      const value = known.quarter === undefined ? 'XXXX-QX' : `XXXX-Q${known.quarter}`
      return { value, known, implied: {}, anchor: 'unknown' }
    }
    // "the 1988 quarter": the quarter under discussion, in the year the text names.
    const r = shiftedValue(
      known.year === undefined ? base : { ...base, year: known.year },
      'quarter',
      spec.offset,
    )
    return {
      value: r.value,
      known,
      implied: r.implied,
      anchor: state.last?.quarter !== undefined ? 'mention' : 'published',
    }
  }
  const anchor =
    spec.unit === 'day'
      ? anchorDay(state, spec.anchor === 'mention')
      : anchorAny(state, spec.anchor === 'mention')
  if (spec.unplaced === true) {
    // Only the year is implied; the week itself stays unknown.
    if (anchor === null) return { value: UNKNOWN_BY_UNIT[spec.unit], known, implied: {}, anchor: 'unknown' }
    const year = anchor.day.year
    const unknown = UNKNOWN_BY_UNIT[spec.unit].slice(4)
    return { value: pad(year, 4) + unknown, known, implied: { year }, anchor: anchor.how }
  }
  if (anchor === null) {
    const unknown =
      spec.unit === 'day' && spec.offset === 0 && spec.anchor === 'published'
        ? 'PRESENT_REF'
        : UNKNOWN_BY_UNIT[spec.unit]
    return {
      value: unknown + (spec.unit === 'day' ? timeSuffix(known) : ''),
      known,
      implied: {},
      anchor: 'unknown',
    }
  }
  if (
    spec.unit === 'year' &&
    (known.quarter !== undefined || known.half !== undefined || known.month !== undefined)
  ) {
    const year = anchor.day.year + spec.offset
    return { value: formatCalendar(pad(year, 4), known), known, implied: { year }, anchor: anchor.how }
  }
  const r = shiftedValue(anchor.day, spec.unit, spec.offset)
  return {
    value: r.value + (spec.unit === 'day' ? timeSuffix(known) : ''),
    known,
    implied: r.implied,
    anchor: anchor.how,
  }
}

/** "the weekend" before publication in a past-tense sentence (a weekday publication), else the next one. */
function weekendByTense(
  spec: Extract<Spec, { kind: 'relative' }>,
  tense: () => Tense,
  state: ResolveState,
): Extract<Spec, { kind: 'relative' }> {
  if (state.published === null) return spec
  const weekend = isoWeekday(state.published) >= 6
  const offset = tense() === 'past' || tense() === 'none' ? (weekend ? 0 : -1) : weekend ? 1 : 0
  return { ...spec, offset }
}

/** Anchor for units coarser than a day: the last mention at any granularity, else publication. */
function anchorAny(state: ResolveState, mention: boolean): { day: Ymd; how: string } | null {
  const last = state.last
  if (mention && last !== null) {
    return { day: { year: last.year, month: last.month ?? 6, day: last.day ?? 15 }, how: 'mention' }
  }
  return state.published === null ? null : { day: state.published, how: 'published' }
}

/**
 * A weekday's value is the day, also for "Friday night" or "Thursday morning": the part of day stays in
 * `known` only. TBAQ writes the bare day in 15 of 31 "<weekday> <part of day>" timexes (dev and train);
 * the other 16 split between `TNI`, `TEV` (for "night" too) and `TMO`, so no single suffix matches more.
 * TimeML's guidelines would add the suffix; value F1 rises on both splits without it (dev 80.11 -> 80.40,
 * train 81.63 -> 81.89).
 */
function resolveWeekday(
  spec: Extract<Spec, { kind: 'weekday' }>,
  tense: () => Tense,
  state: ResolveState,
): Resolved {
  const known: TimeFields = { ...spec.fields, weekday: spec.weekday }
  const last = state.last
  if (spec.fromMention === true && last?.day !== undefined && last.month !== undefined) {
    // "the previous Friday": strictly before (or after) the day last mentioned.
    const base = { year: last.year, month: last.month, day: last.day }
    const today = isoWeekday(base)
    const shift =
      spec.direction === 'future'
        ? (spec.weekday - today + 7) % 7 || 7
        : -((today - spec.weekday + 7) % 7 || 7)
    const d = addDays(base, shift)
    return {
      value: dayValue(d),
      known,
      implied: { year: d.year, month: d.month, day: d.day },
      anchor: 'mention',
    }
  }
  const published = state.published
  if (published === null) {
    return {
      value: `XXXX-WXX-${spec.weekday}`,
      known,
      implied: {},
      anchor: 'unknown',
    }
  }
  const today = isoWeekday(published)
  let shift: number
  const stated = spec.direction
  if (stated === 'future' || (stated === undefined && tense() === 'future')) {
    shift = (spec.weekday - today + 7) % 7
    if (shift === 0 && stated === 'future') shift = 7
  } else {
    // News default: the latest such day on or before publication ("Friday" on a Friday is that day).
    shift = -((today - spec.weekday + 7) % 7)
    if (shift === 0 && stated === 'past') shift = -7
  }
  const d = addDays(published, shift)
  return {
    value: dayValue(d) + weekdayPartSuffix(known),
    known,
    implied: { year: d.year, month: d.month, day: d.day },
    anchor: 'published',
  }
}

/**
 * "Wednesday evening" keeps its part of day (`…TEV`: 2 of 2 on TBAQ train); "morning" and "night" give the
 * bare day, which TBAQ writes more often than any one suffix for them (morning: 4 bare, 1 `TMO`; night: 6
 * bare, 5 `TNI`, 3 `TEV`).
 */
function weekdayPartSuffix(known: TimeFields): string {
  return known.partOfDay === 'EV' ? 'TEV' : ''
}

function resolveShift(spec: Extract<Spec, { kind: 'shift' }>, state: ResolveState): Resolved {
  const ref = spec.sign < 0 ? 'PAST_REF' : 'FUTURE_REF'
  if (spec.amount === null) return { value: ref, known: {}, implied: {}, anchor: 'none' }
  const amount = Math.floor(spec.amount) * spec.sign
  const last = state.last
  const months = state.months ?? null
  // "For the nine months, … In the year-earlier period, …": the same span a year before, which TBAQ writes
  // as the span (`P9M`, as "the year-earlier nine months").
  if (spec.period === 'period' && months !== null)
    return { value: months, known: {}, implied: {}, anchor: 'mention', type: 'DURATION' }
  // "last year's quarter", "the year-ago period" name a period: the last quarter mentioned, even when a
  // year came after it ("… down from $21.4 million last year. U.K. sales for last year's quarter …").
  const quarter =
    last?.granularity === 'quarter'
      ? last
      : spec.period !== undefined && (spec.period === 'quarter' || months === null)
        ? (state.quarter ?? null)
        : null
  // "a year ago" in quarterly results means the same quarter a year before (TBAQ: 30 of ~45); after
  // "the nine months" it is the year before (TBAQ train: 5 of 7).
  // "ago" counts from publication: with no publication date it stays a REF rather than borrow a mention.
  const canUseMention = spec.anchor === 'mention' || state.published !== null
  if (
    canUseMention &&
    spec.unit === 'year' &&
    (months === null || spec.period === 'quarter') &&
    quarter?.quarter !== undefined
  ) {
    const year = quarter.year + amount
    return {
      value: `${pad(year, 4)}-Q${quarter.quarter}`,
      known: {},
      implied: { year, quarter: quarter.quarter },
      anchor: 'mention',
    }
  }
  const anchor =
    spec.unit === 'day'
      ? anchorDay(state, spec.anchor === 'mention')
      : anchorAny(state, spec.anchor === 'mention')
  if (anchor === null) return { value: ref, known: {}, implied: {}, anchor: 'unknown' }
  const unit = spec.unit === 'hour' || spec.unit === 'minute' || spec.unit === 'second' ? 'day' : spec.unit
  const steps = spec.unit === 'hour' || spec.unit === 'minute' || spec.unit === 'second' ? 0 : amount
  const r = shiftedValue(anchor.day, unit, steps)
  return { value: r.value, known: {}, implied: r.implied, anchor: anchor.how }
}

/**
 * Resolves one spec. `tense` is called only when a direction is needed.
 *
 * @example resolve({ kind: 'literal', value: 'P5Y', fields: {} }, () => 'none', { published: null, last: null }).value // 'P5Y'
 */
export function resolve(spec: Spec, tense: () => Tense, state: ResolveState): Resolved {
  switch (spec.kind) {
    case 'literal':
      return { value: spec.value, known: spec.fields, implied: {}, anchor: 'none' }
    case 'absolute':
      return resolveAbsolute(spec.fields, spec.direction, tense, state, spec.nth)
    case 'relative':
      return resolveRelative(spec, tense, state)
    case 'weekday':
      return resolveWeekday(spec, tense, state)
    case 'shift':
      return resolveShift(spec, state)
    case 'dated': {
      const day = resolve(spec.date, tense, state)
      const suffix = timeSuffix(spec.time)
      const value = day.value.includes('T')
        ? day.value.slice(0, day.value.indexOf('T')) + suffix
        : day.value + suffix
      return { value, known: { ...day.known, ...spec.time }, implied: day.implied, anchor: day.anchor }
    }
  }
}

const MENTION = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d))?/

/**
 * The point a resolved value mentions, for narrative anchoring; null for durations, sets and REFs.
 *
 * @example mentionedIn('2022-08') // { year: 2022, month: 8, granularity: 'month' }
 */
export function mentionedIn(value: string): Mentioned | null {
  const m = MENTION.exec(value)
  if (!m) return null
  const year = Number(m[1])
  if (m[3] !== undefined) return { year, month: Number(m[2]), day: Number(m[3]), granularity: 'day' }
  if (m[2] !== undefined) return { year, month: Number(m[2]), granularity: 'month' }
  if (m[4] !== undefined) return { year, quarter: Number(m[4]), granularity: 'quarter' }
  return { year, granularity: 'year' }
}
