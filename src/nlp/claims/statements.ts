/**
 * The statements of a document that a fact-checker could check: each attribution's content (a speaker's
 * claim, tied to its attribution) and each sentence in the outlet's own voice (no attribution's source,
 * cue or content touches it). A nested attribution's content is the claim rather than its parent's
 * where it fills most of it ("the Supreme Leader has noted that Iran will stand …": the checkable part
 * is what the Supreme Leader noted). Fragments under a few words (captions, datelines) are not statements.
 */
import type { Attribution, AttributionId, Sentence } from '../../model/layers.js'
import type { Span } from '../../model/span.js'
import { wordCount } from './features.js'

export interface Statement extends Span {
  attribution: AttributionId | null
}

/** Fewer words than this is a fragment (a caption, a dateline, a scare-quoted phrase). */
export const MIN_WORDS = 5
/** A parent whose nested content covers this share of its own is represented by the nested one. */
const NESTED_SHARE = 0.8

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/** Text spans trimmed of surrounding white space (sentences may carry a line break). */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /\s/.test(text[start] as string)) start++
  while (end > start && /\s/.test(text[end - 1] as string)) end--
  return { start, end }
}

/**
 * The statements in text order (start asc, end desc).
 *
 * @example
 * statements(text, sentences, attributions) // [{ start, end, attribution: 'a1' }, { start, end, attribution: null }, …]
 */
export function statements(
  text: string,
  sentences: readonly Sentence[],
  attributions: readonly Attribution[],
): Statement[] {
  const out: Statement[] = []
  const nestedLength = new Map<AttributionId, number>()
  for (const a of attributions) {
    if (a.parent === null) continue
    const inner = a.content.end - a.content.start
    nestedLength.set(a.parent, Math.max(nestedLength.get(a.parent) ?? 0, inner))
  }
  for (const a of attributions) {
    const length = a.content.end - a.content.start
    if ((nestedLength.get(a.id) ?? 0) >= NESTED_SHARE * length) continue
    const span = trimmed(text, a.content)
    if (wordCount(text.slice(span.start, span.end)) < MIN_WORDS) continue
    out.push({ ...span, attribution: a.id })
  }
  const voiced: Span[] = []
  for (const a of attributions) {
    voiced.push(a.content)
    if (a.cue) voiced.push(a.cue)
    if (a.source) voiced.push(a.source)
  }
  for (const sentence of sentences) {
    if (voiced.some((v) => overlaps(v, sentence))) continue
    const span = trimmed(text, sentence)
    if (wordCount(text.slice(span.start, span.end)) < MIN_WORDS) continue
    out.push({ ...span, attribution: null })
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end)
}
