/** Small helpers shared by finders: candidate construction and look-around on the raw text. */
import type { TimeFields, TimeType } from '../../../model/layers.js'
import type { Candidate, Spec } from '../types.js'

/**
 * A candidate from a match, trimmed of surrounding spaces (a pattern may end on optional whitespace).
 *
 * @example candidate(match, 'DATE', { kind: 'literal', value: 'PRESENT_REF', fields: {} }, 'refs:present')
 */
export function candidate(
  match: RegExpExecArray,
  type: TimeType,
  spec: Spec,
  rule: string,
  startOffset = 0,
): Candidate {
  const surface = match[0]
  let start = match.index + startOffset
  let end = match.index + surface.length
  const text = match.input
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  return { start, end, type, spec, rule }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}

/** The word just before `offset` (letters, apostrophes, periods), or ''. */
export function wordBefore(text: string, offset: number): string {
  let end = offset
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) start--
  return text.slice(start, end)
}

/** The word just after `offset`, or ''. */
export function wordAfter(text: string, offset: number): string {
  let start = offset
  while (start < text.length && isSpace(text.charCodeAt(start))) start++
  let end = start
  while (end < text.length && WORD_CHAR.test(text.charAt(end))) end++
  return text.slice(start, end)
}
const WORD_CHAR = /[\w'’.-]/

/** Copies only the defined entries, so `exactOptionalPropertyTypes` holds for TimeFields. */
export function fields(entries: { [K in keyof TimeFields]?: TimeFields[K] | undefined }): TimeFields {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v
  return out as TimeFields
}

/** Prepositions and modifiers that make an ambiguous month or year word temporal ("in May", "since 2019"). */
export const TEMPORAL_LEAD = new Set(
  'in since by until till through from to of during before after between early late mid last next this and or on around about circa throughout'.split(
    ' ',
  ),
)
