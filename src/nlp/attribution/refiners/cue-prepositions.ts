/**
 * PolNeAR puts a preposition that links the cue to its content into the cue ("questions about | his
 * microphone problems", "accused … of", "backed off", "spoke out against"): on PolNeAR train a cue ends in
 * about/of/for/on/against/at/with/over/off 1,900 times where the content right after it starts with one
 * 120 times. A content that starts with such a preposition right after its cue gives it to the cue.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

const LINKING = new Set(['about', 'of', 'for', 'on', 'against', 'at', 'with', 'over', 'off', 'into', 'from'])
const FIRST_LETTERS = new Set([...LINKING].flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)]))

/**
 * @example cue "questions", content "about his microphone problems" → cue "questions about", content "his microphone problems"
 */
export function cuePrepositions(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => {
    if (!draft.cue || draft.content.start < draft.cue.end) return draft
    // most contents open with no preposition: look at the first letter before any token lookup
    if (!FIRST_LETTERS.has(d.text.charCodeAt(draft.content.start))) return draft
    const first = d.tokenFrom(draft.content.start)
    if (!LINKING.has(d.lo(first)) || d.text.slice(draft.cue.end, draft.content.start).trim() !== '')
      return draft
    const next = first + 1
    if (next >= d.n || (d.starts[next] as number) >= draft.content.end) return draft
    return {
      ...draft,
      cue: { start: draft.cue.start, end: d.ends[first] as number },
      content: { start: d.starts[next] as number, end: draft.content.end },
    }
  })
}
