/**
 * What a pattern detector returns and how its character spans join the tagger's token spans. The
 * detectors are regular expressions over the document text (one pass each, compiled once), so they
 * can be tested on a plain sentence; this module turns their spans into token candidates.
 */
import type { Attribution, Technique } from '../../../model/layers.js'
import type { TokenTable } from '../../../model/tokens.js'
import type { SpanCandidate } from '../decode-spans.js'

/** A span a pattern detector found, in UTF-16 offsets of the document text. */
export interface RuleSpan {
  start: number
  end: number
  /** The words that made the rule fire ("Zionists", "ever"). */
  cues: string[]
  /**
   * The attribution whose speaker uses the technique, when the rule knows it better than the span's
   * position does (a cited authority serves the citing speaker); absent: linked by position.
   */
  voice?: Attribution['id'] | null
}

/** What a detector may read besides the text: the layers the stage has (empty when run on text alone). */
export interface DetectorContext {
  /** Mentions of nations, places and peoples (GPE and NORP), in text order. */
  readonly places: readonly { start: number; end: number }[]
  /** The attributions layer (empty when the caller has none). */
  readonly attributions: readonly Attribution[]
}

/** A context with no layers, for running a detector on text alone. */
export const NO_CONTEXT: DetectorContext = { places: [], attributions: [] }

/** A pattern detector: the technique it marks, its provenance rule, and its score. */
export interface PatternDetector {
  technique: Technique['technique']
  /** `prov.rule` of its spans. */
  rule: string
  /**
   * The score its spans carry: the share of its spans' characters inside a gold span of its technique
   * on PTC train (the metric's precision credit), so `minScore` treats rules and tagger alike; a
   * nominal value for rules that never fire on PTC (pledges, absolute denials, nested authorities).
   */
  score: number
  find(text: string, context: DetectorContext): RuleSpan[]
}

/** The first token whose end is after `offset` (tokens are sorted and do not overlap). */
function firstTokenEndingAfter(tokens: TokenTable, offset: number): number {
  let lo = 0
  let hi = tokens.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((tokens.ends[mid] as number) <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The token range [first, last) covering the characters [start, end); null when no token is inside.
 *
 * @example
 * tokenRange(tokens, 4, 12) // { first: 1, last: 3 } for "the Zionist regime"
 */
export function tokenRange(
  tokens: TokenTable,
  start: number,
  end: number,
): { first: number; last: number } | null {
  const first = firstTokenEndingAfter(tokens, start)
  let last = first
  while (last < tokens.count && (tokens.starts[last] as number) < end) last++
  return last > first ? { first, last } : null
}

function logit(p: number): number {
  return Math.log(p / (1 - p))
}

/**
 * Adds (in place) a detector's spans as candidates of `label`, skipping those that overlap a span the
 * tagger or an earlier detector already gave the same technique (the tagger's edges are kept).
 *
 * @example
 * addRuleSpans(candidates, tokens, detector.find(text), label, detector)
 */
export function addRuleSpans(
  candidates: SpanCandidate[],
  tokens: TokenTable,
  spans: readonly RuleSpan[],
  label: number,
  detector: Pick<PatternDetector, 'rule' | 'score'>,
): void {
  const existing = candidates.filter((c) => c.label === label)
  for (const s of spans) {
    const range = tokenRange(tokens, s.start, s.end)
    if (!range) continue
    if (existing.some((c) => c.first < range.last && range.first < c.last)) continue
    const candidate: SpanCandidate = {
      ...range,
      label,
      logit: logit(detector.score),
      rule: detector.rule,
      cues: s.cues,
      ...(s.voice !== undefined ? { voice: s.voice } : {}),
    }
    candidates.push(candidate)
    existing.push(candidate)
  }
}

/**
 * Every match of a global `pattern` in `text` as a span, with the cues `cuesOf` reads off the match.
 *
 * @example
 * matchSpans(/\bnever\b/giu, 'never again', () => ['never']) // [{ start: 0, end: 5, cues: ['never'] }]
 */
export function matchSpans(
  pattern: RegExp,
  text: string,
  cuesOf: (m: RegExpExecArray) => (string | undefined)[],
): RuleSpan[] {
  const out: RuleSpan[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const cues = cuesOf(m).filter((c): c is string => c !== undefined)
    out.push({ start: m.index, end: m.index + m[0].length, cues })
  }
  return out
}
