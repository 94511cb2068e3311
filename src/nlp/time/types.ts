/**
 * The underspecified value objects that finders emit and the resolver turns into TIMEX3 values
 * (HeidelTime's two phases: extraction emits `UNDEF-…` values, `specifyAmbiguousValues` resolves them).
 */
import type { TimeFields, TimeType } from '../../model/layers.js'

/** Calendar units a relative expression can count or shift by. */
export type Unit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'quarter'
  | 'half'
  | 'year'
  | 'decade'
  | 'century'

/**
 * Which point a relative expression counts from. `published`: the document creation time (news
 * style, "yesterday"); `mention`: the last date mentioned before it (narrative style, "the next day"),
 * falling back to the publication date when nothing was mentioned yet.
 */
export type AnchorKind = 'published' | 'mention'

/** Which way an expression without a year points: set by the text ("last April") or by tense. */
export type Direction = 'past' | 'future' | 'same'

export type Spec =
  /** Calendar fields stated in the text ("August", "early 2022", "Sept. 30", "the 1990s", "3 p.m."). */
  | {
      kind: 'absolute'
      fields: TimeFields
      direction?: Direction
      /**
       * The day is the nth weekday of the month (n = -1: the last), e.g. Thanksgiving, plus `after` days
       * (US Election Day: the Tuesday after the first Monday of November).
       */
      nth?: { weekday: number; n: number; after?: number }
    }
  /** A unit containing the anchor, shifted ("today" day+0, "last week" week−1, "the next day" day+1). */
  | {
      kind: 'relative'
      unit: Unit
      offset: number
      anchor: AnchorKind
      fields: TimeFields
      /** "the weekend": the one just past in a past-tense sentence, the coming one otherwise. */
      byTense?: true
      /** "For the week, the index dropped 3.8%": a week under discussion that the text never places (`1989-WXX`). */
      unplaced?: true
    }
  /** A weekday near the anchor; `direction` from "last/next", otherwise tense decides. */
  | {
      kind: 'weekday'
      weekday: number
      direction?: Direction
      fields: TimeFields
      /** "the previous Friday", "the following Monday": counted from the last day mentioned. */
      fromMention?: true
    }
  /** "two years ago", "a year earlier": anchor shifted by an amount; null amount gives PAST_REF/FUTURE_REF. */
  | {
      kind: 'shift'
      unit: Unit
      amount: number | null
      sign: -1 | 1
      anchor: AnchorKind
      /**
       * "the year-earlier period", "last year's quarter": the period under discussion a year before; a
       * `period` may be a span of months, a `quarter` is one.
       */
      period?: 'period' | 'quarter'
    }
  /** A clock time or part of day attached to a day ("10 p.m. Wednesday", "noon Thursday"). */
  | { kind: 'dated'; date: Spec; time: TimeFields }
  /** A value that needs no anchor: durations, sets, `PRESENT_REF`… */
  | {
      kind: 'literal'
      value: string
      fields: TimeFields
      /** "the nine months", "the first six months": a reporting period, which becomes the one under discussion. */
      period?: true
    }

/** One finder hit, before overlap resolution and normalisation. */
export interface Candidate {
  start: number
  end: number
  type: TimeType
  spec: Spec
  /** Finder name and variant, kept in `prov.rule`. */
  rule: string
}

/**
 * A finder: one pattern family. `regex` must be global (`g`) and is run over the whole text;
 * `build` returns null to veto a match (HeidelTime's negative rules).
 */
export interface Finder {
  name: string
  regex: RegExp
  build(match: RegExpExecArray, text: string): Candidate | null
}
