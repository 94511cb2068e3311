/**
 * The time stage's work, independent of the pipeline: find candidates, refine them, then resolve them
 * in text order so that narrative anchors ("the next day") see the dates mentioned before them.
 */
import type { Sentence, TimeExpr } from '../../model/layers.js'
import type { Ymd } from './calendar.js'
import { findCandidates } from './find.js'
import { dropOverlaps } from './refiners/drop-overlaps.js'
import { mergeDateTime } from './refiners/merge-date-time.js'
import { mergeSpelledYear } from './refiners/merge-spelled-year.js'
import { mentionedIn, resolve, type ResolveState } from './resolve.js'
import { tenseAround, type Tense } from './tense.js'
import type { Spec } from './types.js'

/**
 * Whether a resolved expression becomes the new "last mentioned" date. Expressions anchored on that date
 * and shifted from it ("a year earlier", "the year-ago quarter", "the next day") must not, or chains of
 * them would drift; publication-anchored ones ("the latest quarter", "last week") and restatements of the
 * mentioned one ("the quarter", "that year") do.
 */
function movesReference(spec: Spec): boolean {
  if (spec.kind === 'shift') return false
  if (spec.kind === 'relative') return spec.anchor === 'published' || spec.offset === 0
  return true
}

const PERIOD_END_LEAD = /\b(?:ended|ending)\s+$/i

/**
 * "the third quarter ended Sept. 30": the day only closes the quarter just named, which stays the
 * reference for "the corresponding period last year" or "a year earlier". ("the six months ended
 * Aug. 12" names no date, so there the day does become the reference.)
 */
function endsPeriod(text: string, start: number): boolean {
  return PERIOD_END_LEAD.test(text.slice(Math.max(0, start - 12), start))
}

/** Index of the sentence holding `offset` in sorted sentences, or -1. */
function sentenceIndex(sentences: readonly Sentence[], offset: number): number {
  let lo = 0
  let hi = sentences.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sentences[mid] as Sentence).end <= offset) lo = mid + 1
    else hi = mid
  }
  const s = sentences[lo]
  return s !== undefined && s.start <= offset ? lo : -1
}

/**
 * Time expressions of a text, as the `times` layer: sorted, non-overlapping, ids t1…tN.
 * `sentences` bound the tense cues; `published` anchors relative expressions (null: unknown).
 *
 * @example extractTimes('He left yesterday.', [{ start: 0, end: 18 }], { year: 2022, month: 9, day: 1 })[0]?.value // '2022-08-31'
 */
export function extractTimes(
  text: string,
  sentences: readonly Sentence[],
  published: Ymd | null,
): TimeExpr[] {
  const candidates = mergeSpelledYear(mergeDateTime(dropOverlaps(findCandidates(text)), text), text)
  const state: ResolveState = { published, last: null, months: null, quarter: null }
  const times: TimeExpr[] = []
  for (const c of candidates) {
    const tense = (): Tense => {
      const i = sentenceIndex(sentences, c.start)
      const s =
        i >= 0
          ? (sentences[i] as Sentence)
          : { start: Math.max(0, c.start - 200), end: Math.min(text.length, c.end + 200) }
      return tenseAround(text, s.start, s.end, c.start, c.end)
    }
    const r = resolve(c.spec, tense, state)
    // Only expressions anchored in the text itself or on publication become the new "last mentioned"
    // date; a shift ("a year earlier") anchored on that date must not move it, or chains would drift.
    if (
      (c.type === 'DATE' || c.type === 'TIME') &&
      movesReference(c.spec) &&
      !(state.last?.granularity === 'quarter' && endsPeriod(text, c.start))
    ) {
      const mentioned = mentionedIn(r.value)
      if (mentioned !== null) state.last = mentioned
      if (mentioned?.granularity === 'quarter') {
        state.months = null
        state.quarter = mentioned
      }
    }
    if (c.spec.kind === 'literal' && c.spec.period === true) state.months = r.value
    times.push({
      id: `t${times.length + 1}`,
      start: c.start,
      end: c.end,
      type: r.type ?? c.type,
      value: r.value,
      known: r.known,
      implied: r.implied,
      prov: { stage: 'time', rule: `${c.rule}@${r.anchor}` },
    })
  }
  return times
}
