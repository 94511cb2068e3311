/** Is a quotation speech, a scare quote or a title? Shared by the quotation finders. */
import type { AttributionDoc } from './attribution-doc.js'
import type { QuoteRegion } from './quotes.js'

/** More than three words and not a Title-Case title: a quotation rather than a scare quote or a title. */
export function looksLikeSpeech(d: AttributionDoc, region: QuoteRegion): boolean {
  const first = d.tokenFrom(region.start) + 1
  const last = d.tokenFrom(region.end - 1)
  let words = 0
  let titled = 0
  for (let i = first; i < last; i++) {
    if (!d.isWord(i)) continue
    words++
    if (d.isCapitalized(i) || d.lo(i).length <= 3) titled++
  }
  return words > 3 && titled < words
}

/** Two or more words, every one capitalised or a short function word, and no sentence punctuation: a title. */
export function isTitle(d: AttributionDoc, region: QuoteRegion): boolean {
  const first = d.tokenFrom(region.start) + 1
  const last = d.tokenFrom(region.end - 1)
  let words = 0
  let capitalised = 0
  for (let i = first; i < last; i++) {
    if (d.isWord(i)) {
      const long = d.lo(i).length > 3
      if (!d.isCapitalized(i) && long) return false
      words++
      // only content words count: "We won," is two short words, not a title
      if (long && i > first) capitalised++
    } else if (/^[.!?,;:]$/.test(d.tok(i)) && i !== last - 1) return false // “Fox News Sunday,” keeps its comma
  }
  return words >= 2 && capitalised >= 1
}
