/**
 * A tag inside the sentence: "Today, he added, fighting … is not limited …" / "That means, he added, no
 * safe place …", or inverted: "Institutional recipients, said Maurer, are required to …". The content is
 * discontinuous (the sentence minus the tag); the layer stores the covering span, so the content is the
 * whole sentence without its final period (see README).
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan, skipConnective } from '../content.js'
import { nounPhraseAfter, nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'
import { INVERTIBLE_SPEECH_VERBS, TAG_SOURCE_OPENERS } from '../words.js'

/**
 * @example Today, he added, fighting is not limited. → cue "added", source "he", content the whole sentence
 */
export function findParentheticals(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let v = 0; v < d.n; v++) {
    if (!d.verb(v) || d.lo(v).endsWith('ing')) continue
    const [first, end] = d.sentenceRange(v)
    const [g0, g1] = verbGroup(d, v)
    const inverted = invertedTag(d, v, g0, g1, first, end)
    if (inverted) {
      out.push(inverted)
      continue
    }
    if (d.lo(g1 + 1) !== ',' || g1 + 2 >= end - 1) continue
    const np = nounPhraseBefore(d, g0 - 1, first)
    if (!np || np[0] - 1 <= first || d.lo(np[0] - 1) !== ',') continue
    // “A,” he said, “B.” is a split quotation (direct-quote.ts)
    if (d.isQuoteMark(np[0] - 2) || d.isQuoteMark(g1 + 2)) continue
    const content = contentSpan(d, skipConnective(d, first, end), end)
    if (!content) continue
    out.push({
      rule: 'parenthetical',
      cue: d.span(g0, g1),
      content,
      source: d.span(np[0], np[1]),
      priority: PRIORITY.parenthetical,
    })
  }
  return out
}

/**
 * ", said Maurer," inside a sentence: only a speech verb inverts, the source after it is a name or a
 * determiner phrase closed by a comma, and content stands on both sides of the tag.
 *
 * @example Institutional recipients, said Mauer, are required to exhibit … → source "Mauer"
 */
function invertedTag(
  d: AttributionDoc,
  v: number,
  g0: number,
  g1: number,
  first: number,
  end: number,
): Candidate | null {
  const verb = d.verb(v)
  if (!verb || !INVERTIBLE_SPEECH_VERBS.has(verb.lemma) || g0 - 1 <= first || d.lo(g0 - 1) !== ',')
    return null
  // “A,” said Salami, “B.” is a split quotation (direct-quote.ts)
  if (d.isQuoteMark(g0 - 2)) return null
  const np = nounPhraseAfter(d, g1 + 1, end)
  if (!np || d.lo(np[1] + 1) !== ',' || np[1] + 2 >= end - 1 || d.isQuoteMark(np[1] + 2)) return null
  if (!d.isCapitalized(np[0]) && !TAG_SOURCE_OPENERS.has(d.lo(np[0]))) return null
  const content = contentSpan(d, skipConnective(d, first, end), end)
  if (!content) return null
  return {
    rule: 'parenthetical',
    cue: d.span(g0, g1),
    content,
    source: d.span(np[0], np[1]),
    priority: PRIORITY.parenthetical,
  }
}
