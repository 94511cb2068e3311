/**
 * A pull quotation credited after its closing mark with no dash and no verb, as news sidebars print
 * them: "“Prompted I think by the Tom Cruise video, …” Anonymous blogger, “Anon declares war …”". The
 * quotation opens its paragraph; the credit is a short name or role phrase that ends the paragraph, or is
 * followed only by a comma and a quoted title. No cue; the credit is the source.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { PERSON_ROLE_NOUNS } from '../words.js'

/** Words a credit may have ("Anonymous blogger", "Sen. Mary Landrieu", "Vann R. Newkirk II"). */
const MAX_CREDIT_TOKENS = 5

/**
 * @example “An insurgency against The Church of Scientology.” Anonymous blogger, “Anon declares war” → source "Anonymous blogger"
 */
export function findTrailingCredits(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (const region of d.quotes) {
    const open = d.tokenFrom(region.start)
    const close = d.tokenFrom(region.end - 1)
    const paragraph = d.paraOf[open]
    if (open > 0 && d.paraOf[open - 1] === paragraph) continue
    const first = close + 1
    if (first >= d.n || d.paraOf[first] !== paragraph || !d.isWord(first) || !d.isCapitalized(first)) continue
    let i = first
    while (i < d.n && i - first < MAX_CREDIT_TOKENS && d.paraOf[i] === paragraph && creditWord(d, i)) i++
    if (i - first < 2 || !endsCredit(d, i, paragraph)) continue
    out.push({
      rule: 'trailing-credit',
      cue: null,
      content: { start: region.start, end: region.end },
      source: d.span(first, i - 1),
      priority: PRIORITY.directQuote,
    })
  }
  return out
}

/** A capitalised word, an initial ("R."), or a role noun ("blogger", "spokesman"). */
function creditWord(d: AttributionDoc, i: number): boolean {
  if (d.isWord(i)) return d.isCapitalized(i) || PERSON_ROLE_NOUNS.has(d.lo(i))
  const start = d.starts[i] as number
  return d.tok(i) === '.' && i > 0 && d.ends[i - 1] === start && d.tok(i - 1).length === 1
}

/** The paragraph ends at `i`, or only ", “a title”" is left in it. */
function endsCredit(d: AttributionDoc, i: number, paragraph: number | undefined): boolean {
  if (i >= d.n || d.paraOf[i] !== paragraph) return true
  if (d.lo(i) !== ',' || !d.isQuoteMark(i + 1)) return false
  const title = d.quotes[d.quoteOf[i + 1] as number]
  if (!title) return false
  const after = d.tokenFrom(title.end - 1) + 1
  return after >= d.n || d.paraOf[after] !== paragraph
}
