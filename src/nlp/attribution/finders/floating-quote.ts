/**
 * Quotations with no cue of their own that open a sentence ("“We will win,” he said. “Nobody can stop
 * us.”"): the quoted speaker is the one just before (GenderGapTracker's floating quotes, methods §3).
 * refiners/link-floating-quotes.ts merges them into that attribution when it is in the same paragraph,
 * gives them its speaker in the next paragraph, and drops them otherwise.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { looksLikeSpeech } from '../quote-shape.js'
import type { QuoteRegion } from '../quotes.js'

/**
 * A short quotation that opens a sentence and closes with the sentence's own stop inside the marks
 * (“I would, Donald.” / “The Donald. Big Daddy.”) is a quoted sentence, not a scare quote or a title,
 * however few its words.
 */
function quotesSentence(d: AttributionDoc, region: QuoteRegion): boolean {
  const stop = d.lo(d.tokenFrom(region.end - 1) - 1)
  return stop === '.' || stop === '!' || stop === '?'
}

/**
 * @example … he said. “Nobody can stop us.” → a cue-less candidate for the second quotation
 */
export function findFloatingQuotes(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (const region of d.quotes) {
    const open = d.tokenFrom(region.start)
    const [sentenceStart] = d.sentenceRange(open)
    if (open !== sentenceStart || !(looksLikeSpeech(d, region) || quotesSentence(d, region))) continue
    out.push({
      rule: 'floating-quote',
      cue: null,
      content: { start: region.start, end: region.end },
      source: null,
      inherit: 'previous',
      priority: PRIORITY.floatingQuote,
    })
  }
  return out
}
