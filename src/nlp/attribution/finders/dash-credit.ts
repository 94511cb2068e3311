/**
 * A quotation credited after a dash, as in reader-comment round-ups and epigraphs:
 * "“Donald Trump scares me.” ― Carla Sanchez". The dash is the cue, the name after it the source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'

/** Horizontal bar, em dash and en dash; a hyphen counts when spaced (‘…” - Matthew Ingram’, typed dashes). */
const CREDIT_DASHES = new Set(['―', '—', '–'])
/** How many capitalised words a credited name may have ("Vann R. Newkirk II" counts its parts). */
const MAX_NAME_TOKENS = 5

/**
 * @example “He represents our greatest shame.” ― Azucena Gonzàlez → cue "―", source "Azucena Gonzàlez"
 */
export function findDashCredits(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (const region of d.quotes) {
    const close = d.tokenFrom(region.end - 1)
    const dash = close + 1
    if (dash >= d.n || !isCreditDash(d, dash)) continue
    const nameEnd = capitalisedRun(d, dash + 1)
    // a single capitalised word is as often a sentence opener ("― But he …") as a name
    if (nameEnd - (dash + 1) < 2) continue
    out.push({
      rule: 'dash-credit',
      cue: d.span(dash, dash),
      content: { start: region.start, end: region.end },
      source: d.span(dash + 1, nameEnd - 1),
      priority: PRIORITY.directQuote,
    })
  }
  return out
}

function isCreditDash(d: AttributionDoc, i: number): boolean {
  const mark = d.tok(i)
  if (CREDIT_DASHES.has(mark)) return true
  const start = d.starts[i] as number
  return mark === '-' && d.text[start - 1] === ' ' && d.text[start + 1] === ' '
}

/** Exclusive end of the run of capitalised words from `from` that then ends the sentence or the text. */
function capitalisedRun(d: AttributionDoc, from: number): number {
  let i = from
  // the run stops at the next sentence: "– Matthew Ingram⏎The row went on" credits Matthew Ingram
  while (
    i < d.n &&
    i - from < MAX_NAME_TOKENS &&
    d.isWord(i) &&
    d.isCapitalized(i) &&
    (i === from || d.sentOf[i] === d.sentOf[from])
  )
    i++
  // the name must be all there is before the next sentence, quotation or paragraph
  const after = i < d.n ? d.tok(i) : ''
  const ends = i >= d.n || d.sentenceRange(i)[0] === i || after === '.' || d.isQuoteMark(i)
  return ends ? i : from
}
