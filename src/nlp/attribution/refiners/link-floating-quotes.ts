/**
 * Floating quotations (finders/floating-quote.ts) belong to the attribution just before them: in the
 * same paragraph they extend its content, whatever its mode (PolNeAR marks “A,” he said. “B.” and
 * "Kerry said that 100,000 would be accepted. “That adds up …”" as one content); in the next
 * paragraph they become their own attribution with that speaker, when it has a cue or is itself such a
 * quotation ("Wilkins also said Warhol was … a businessperson.⏎“As a way to commercialize …”"). With no attribution before them, a
 * quotation that opens its paragraph right after a sentence naming exactly one person ("Maria Lopez
 * has run the bakery for 30 years.⏎“I have never seen …”") is that person's: the news convention of
 * introducing a speaker, then quoting them. Its source is the name (or the resolved pronoun) in that
 * sentence, its cue null.
 * Anything else is dropped (a quotation with no speaker the text gives is not attributed, rather than guessed).
 * A `continued-quote` (“A”, it added; and, later, “B”) keeps its own content and takes the speaker of
 * the direct quotation whose tag it follows.
 * Input must be in layer order.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

/**
 * The one person the sentence just before a paragraph-opening quotation is about, by name or by a
 * resolved pronoun ("Why did she so badly want to attend?⏎“It's Warhol.”"), or null when that sentence
 * refers to nobody or to several people (then the text does not say whose words these are).
 */
function introducingName(d: AttributionDoc, draft: Draft): { start: number; end: number } | null {
  const open = d.tokenFrom(draft.content.start)
  if (open === 0 || d.paraOf[open - 1] === d.paraOf[open]) return null
  const sentence = d.sentOf[open - 1] as number
  const from = d.starts[d.sentFirst[sentence] as number] as number
  const to = d.ends[(d.sentEnd[sentence] as number) - 1] as number
  let found: { start: number; end: number; entity: string } | null = null
  for (const m of d.mentions) {
    if (m.start < from || m.end > to || m.type !== 'PERSON' || m.entity === null) continue
    if (m.kind !== 'name' && m.kind !== 'pronoun') continue
    if (found && found.entity !== m.entity) return null
    found ??= { start: m.start, end: m.end, entity: m.entity }
  }
  return found ? { start: found.start, end: found.end } : null
}

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
    if (!previous || d.paragraphOf(previous.content.end - 1) < d.paragraphOf(draft.content.start) - 1) {
      const source = introducingName(d, draft)
      if (source) out.push({ ...draft, rule: 'introduced-quote', source })
      continue
    }
    const paragraph = d.paragraphOf(draft.content.start)
    const previousParagraph = d.paragraphOf(previous.content.end - 1)
    if (paragraph === previousParagraph) {
      const index = out.indexOf(previous)
      out[index] = { ...previous, content: { start: previous.content.start, end: draft.content.end } }
    } else if (
      paragraph === previousParagraph + 1 &&
      (previous.cue !== null || previous.rule === 'floating-quote' || previous.rule === 'introduced-quote')
    ) {
      out.push({ ...draft, inheritsFrom: out.indexOf(previous) })
    }
  }
  return out
}
