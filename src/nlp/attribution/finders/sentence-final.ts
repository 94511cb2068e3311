/**
 * A trailing tag after the content: "…, Salami added." / "…, he said." / "…, said Sen. Jane Roe, R-Texas." /
 * "…, the source told reporters." The content runs from the sentence start to the comma. When the
 * content is one quotation (“…,” he said) direct-quote.ts owns it.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan, isFinalTag, skipConnective } from '../content.js'
import { nounPhraseAfter, nounPhraseBefore } from '../noun-phrase.js'
import { verbGroup } from '../verb-group.js'

/** A trailing tag is short: the longest in PolNeAR train are inverted names with a title and party. */
const MAX_TAG_TOKENS = 16

/**
 * @example That is a great source of power, Salami added. → cue "added", source "Salami"
 */
export function findSentenceFinal(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let s = 0; s < d.sentFirst.length; s++) {
    const first = d.sentFirst[s] as number
    const end = d.sentEnd[s] as number
    for (let c = end - 2; c > first && end - c <= MAX_TAG_TOKENS; c--) {
      if (d.lo(c) !== ',' || d.quoteOf[c] !== -1) continue
      if (!isFinalTag(d, c, end)) continue
      if (d.isQuoteMark(c - 1)) break // “…,” he said — a direct quotation
      const content = contentSpan(d, skipConnective(d, contentStart(d, first), c), c)
      if (!content) break
      const v = firstVerbAfter(d, c, end)
      const [g0, g1] = verbGroup(d, v)
      const np = g0 === c + 1 ? nounPhraseAfter(d, g1 + 1, end) : nounPhraseBefore(d, g0 - 1, c + 1)
      out.push({
        rule: 'sentence-final',
        cue: d.span(g0, g1),
        content,
        source: np ? d.span(np[0], np[1]) : null,
        priority: PRIORITY.sentenceFinal,
      })
      break
    }
  }
  return out
}

function firstVerbAfter(d: AttributionDoc, comma: number, end: number): number {
  for (let v = comma + 1; v < end; v++) if (d.verb(v)) return v
  return comma + 1
}

/** Content starts at the sentence start, or inside a quotation that began in an earlier sentence. */
function contentStart(d: AttributionDoc, first: number): number {
  const q = d.quoteOf[first] as number
  if (q >= 0) {
    const region = d.quotes[q]
    if (region && region.start < (d.starts[first] as number)) return d.tokenFrom(region.start)
  }
  return first
}
