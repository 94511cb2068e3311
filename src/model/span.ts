/**
 * Half-open `[start, end)` spans in UTF-16 code units: `text.slice(start, end)` is the surface.
 * See STYLE §2 for why UTF-16 (native slice, same unit as DOM Range offsets).
 */
export interface Span {
  start: number
  end: number
}

/** True when `code` is a UTF-16 low surrogate, i.e. the second half of an astral character. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** True when `code` is a UTF-16 high surrogate, i.e. the first half of an astral character. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * True when offset `at` falls between the two halves of a surrogate pair. A lone surrogate (invalid
 * UTF-16 that real pages do contain) is a character of its own and may be cut on either side.
 */
function splitsPair(text: string, at: number): boolean {
  return (
    at > 0 &&
    at < text.length &&
    isHighSurrogate(text.charCodeAt(at - 1)) &&
    isLowSurrogate(text.charCodeAt(at))
  )
}

/**
 * Why a span is invalid for `text`, or null when it is valid: inside the text, non-empty,
 * and not splitting a surrogate pair at either end.
 *
 * @example spanProblem('héllo', { start: 0, end: 2 }) // null
 */
export function spanProblem(text: string, span: Span): string | null {
  const { start, end } = span
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'offsets must be integers'
  if (start < 0 || end > text.length) return `[${start}, ${end}) lies outside [0, ${text.length}]`
  if (start >= end) return `[${start}, ${end}) is empty or reversed`
  if (splitsPair(text, start)) return `start ${start} splits a surrogate pair`
  if (splitsPair(text, end)) return `end ${end} splits a surrogate pair`
  return null
}

/**
 * Makes a span after checking it against `text`; throws on a programmer error (bad offsets).
 *
 * @example makeSpan('Salami said', 0, 6) // { start: 0, end: 6 }
 */
export function makeSpan(text: string, start: number, end: number): Span {
  const span = { start, end }
  const problem = spanProblem(text, span)
  if (problem) throw new RangeError(`invalid span: ${problem}`)
  return span
}

/** Layer order: start ascending, then end descending (outer before inner). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end
}

/** True when the two spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** True when `outer` contains `inner` (equal spans contain each other). */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** Number of code units the two spans share. */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/**
 * Shrinks a span so it neither starts nor ends on whitespace; null when nothing but whitespace is left.
 *
 * @example trimSpan(' ab ', { start: 0, end: 4 }) // { start: 1, end: 3 }
 */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span
  while (start < end && /\s/.test(text[start] ?? '')) start++
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--
  return start < end ? { start, end } : null
}
