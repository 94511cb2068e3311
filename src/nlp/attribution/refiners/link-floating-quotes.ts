/**
 * Floating quotations (finders/floating-quote.ts) belong to the attribution just before them: in the
 * same paragraph they extend its content, whatever its mode (PolNeAR marks “A,” he said. “B.” and
 * "Kerry said that 100,000 would be accepted. “That adds up …”" as one content); in the next
 * paragraph they become their own attribution with that speaker; with nothing before them they are
 * dropped (a quotation with no speaker the text gives is not attributed, rather than guessed).
 * A `continued-quote` (“A”, it added; and, later, “B”) keeps its own content and takes the speaker of
 * the direct quotation whose tag it follows.
 * Input must be in layer order.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

/**
 * @example “A,” he said. “B.” (one paragraph) → one attribution covering both quotations
 */
export function linkFloatingQuotes(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  const out: Draft[] = []
  for (const draft of drafts) {
    if (draft.rule === 'continued-quote') {
      const donor = [...out].reverse().find((p) => p.parent === null && p.content.end <= draft.content.start)
      if (donor?.rule === 'direct-quote') out.push({ ...draft, inheritsFrom: out.indexOf(donor) })
      continue
    }
    if (draft.rule !== 'floating-quote') {
      out.push(draft)
      continue
    }
    const previous = [...out].reverse().find((p) => p.parent === null && p.content.end <= draft.content.start)
    if (!previous) continue
    const paragraph = d.paragraphOf(draft.content.start)
    const previousParagraph = d.paragraphOf(previous.content.end - 1)
    if (paragraph === previousParagraph) {
      const index = out.indexOf(previous)
      out[index] = { ...previous, content: { start: previous.content.start, end: draft.content.end } }
    } else if (
      paragraph === previousParagraph + 1 &&
      (previous.rule === 'direct-quote' || previous.rule === 'floating-quote')
    ) {
      out.push({ ...draft, inheritsFrom: out.indexOf(previous) })
    }
  }
  return out
}
