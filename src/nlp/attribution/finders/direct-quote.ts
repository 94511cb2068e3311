/**
 * Direct quotations with their cue and source next to them: after the closing mark
 * (“…,” he said / “…,” said Salami), before the opening mark (He said: “…” / Salami told reporters, “…”),
 * and split quotations (“A,” he said, “B.”), whose content is the covering span of both parts.
 * Scare quotes and titles (short or Title-Case quotations) only count when a cue sits next to them.
 * A quotation that follows the tag after nothing but connectives (“A”, it added; and, later, “B”) is
 * the same speaker going on: a cue-less `continued-quote` candidate that inherits the tag's speaker
 * (refiners/link-floating-quotes.ts links it) and keeps its own content, since the two are separate
 * statements rather than one split sentence.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { nounPhraseAfter, nounPhraseBefore } from '../noun-phrase.js'
import { isTitle } from '../quote-shape.js'
import { skipConnective } from '../content.js'
import { verbGroup } from '../verb-group.js'
import { INVERTIBLE_SPEECH_VERBS, TAG_SOURCE_OPENERS } from '../words.js'

/** Tokens between the closing mark and the cue verb: "he", "the IRGC chief commander", "Sen. Jane Roe". */
const MAX_SOURCE_BEFORE_CUE = 10
/** Tokens a cue may sit before the opening mark: "told Breitbart News Daily SiriusXM host Matt Boyle, “…”". */
const MAX_CUE_BEFORE_OPEN = 10
/** Tokens between a tag and a continuing quotation: "; and, later," / ", then," / "and again". */
const MAX_CONTINUATION_TOKENS = 6
/** Words that may join a tag to the next quotation of the same speaker, with punctuation between. */
const CONTINUATION_WORDS = new Set(['and', 'then', 'later', 'also', 'again', 'afterwards', 'subsequently'])
/** A hearer after a lone tag: "Obama asked Republican politicians." */
const MAX_LONE_TAG_HEARER = 4

interface Tag {
  cue: [number, number]
  source: [number, number] | null
  /** Last token of the tag. */
  last: number
}

/**
 * @example “We won,” Trump said. → cue "said", source "Trump", content "“We won,”"
 */
export function findDirectQuotes(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  const used = new Set<number>()
  d.quotes.forEach((region, r) => {
    if (used.has(r)) return
    const closeTok = d.tokenFrom(region.end - 1)
    const openTok = d.tokenFrom(region.start)
    let end = region.end
    let start = region.start
    // a cue right before the quotation ("Graham said, “…”") wins over a tag the splitter left in the
    // next sentence ("… them.” He continued, “…”), which introduces the next quotation
    const before = tagBefore(d, openTok)
    const after = tagAfter(d, closeTok)
    const afterIsLone = after !== null && d.sentOf[after.cue[0]] !== d.sentOf[closeTok]
    const tag = before && (after === null || afterIsLone) ? before : after
    if (tag && tag === after) {
      // “Mills “got an immunity agreement,” Jordan said”: the words before a quotation that opens
      // mid-sentence are content too (a mixed quotation)
      start = d.starts[leadingContentStart(d, openTok)] as number
      // split quotation: “A,” he said, “B.”
      const afterTag = tag.last + 1
      const nextRegion = d.quotes[r + 1]
      if (nextRegion && d.lo(afterTag) === ',' && d.tokenFrom(nextRegion.start) === afterTag + 1) {
        end = nextRegion.end
        used.add(r + 1)
      } else if (nextRegion && continuesAfter(d, afterTag, d.tokenFrom(nextRegion.start))) {
        out.push({
          rule: 'continued-quote',
          cue: null,
          content: { start: nextRegion.start, end: nextRegion.end },
          source: null,
          inherit: 'previous',
          priority: PRIORITY.directQuote,
        })
        used.add(r + 1)
      }
    }
    // with a cue next to it even a one-word quotation is speech (“No,” he said), but a title stays a
    // title (a book called “The Art of the Deal”); without a cue see floating-quote.ts
    if (!tag || isTitle(d, region)) return
    out.push({
      rule: 'direct-quote',
      cue: d.span(tag.cue[0], tag.cue[1]),
      content: { start, end },
      source: tag.source ? d.span(tag.source[0], tag.source[1]) : null,
      priority: PRIORITY.directQuote,
    })
  })
  return out
}

/**
 * True when the tokens from `from` up to the opening mark `open` are punctuation and continuation
 * words only, with at least one word ("; and, later," but not a bare ", " — that is a split quotation
 * — nor "; the army said" — a clause with its own speaker).
 */
function continuesAfter(d: AttributionDoc, from: number, open: number): boolean {
  if (open <= from || open - from > MAX_CONTINUATION_TOKENS) return false
  if (d.sentOf[open] !== d.sentOf[from]) return false
  let words = 0
  for (let t = from; t < open; t++) {
    const w = d.lo(t)
    if (CONTINUATION_WORDS.has(w)) words++
    else if (w !== ',' && w !== ';') return false
  }
  return words > 0
}

/** “…,” he said / “…,” said Salami / “…” (Salami told reporters). */
function tagAfter(d: AttributionDoc, closeTok: number): Tag | null {
  let t = closeTok + 1
  if (d.lo(t) === ',') t++
  if (t >= d.n) return null
  // “Who would have believed it?” Trump said. — the splitter ends the sentence at ?” so the tag stands
  // alone; accept it when the new sentence is nothing but a short tag
  const nextSentence = d.sentOf[t] !== d.sentOf[closeTok]
  const [, sentenceEnd] = d.sentenceRange(t)
  const inverted = d.verb(t)
  if (inverted) {
    // “…,” said Salami — only speech verbs invert, never an -ing form ("Lamenting their luck"), and the
    // source is a name, a pronoun or a determiner phrase ("Calls men derogatory names" is no tag)
    if (!INVERTIBLE_SPEECH_VERBS.has(inverted.lemma) || d.lo(t).endsWith('ing')) return null
    const [g0, g1] = verbGroup(d, t)
    const np = nounPhraseAfter(d, g1 + 1, sentenceEnd)
    if (np && !d.isCapitalized(np[0]) && !TAG_SOURCE_OPENERS.has(d.lo(np[0]))) return null
    return { cue: [g0, g1], source: np, last: np ? np[1] : g1 }
  }
  for (let v = t + 1; v < sentenceEnd && v - t <= MAX_SOURCE_BEFORE_CUE; v++) {
    if (d.isQuoteMark(v)) return null
    if (!d.verb(v)) continue
    if (d.lo(v).endsWith('ing')) return null
    const [g0, g1] = verbGroup(d, v)
    const np = nounPhraseBefore(d, g0 - 1, t)
    if (!np || np[0] !== t) return null
    // the lone tag ends its sentence, or goes on after a comma (“…?” Trump said, looking out on the crowd.)
    if (nextSentence && !endsLoneTag(d, g1, sentenceEnd)) return null
    return { cue: [g0, g1], source: np, last: g1 }
  }
  return null
}

/**
 * Where the content of a quotation with a trailing tag starts: at the quotation, or at the start of its
 * sentence when the words before it are part of the statement (no cue, colon or other quotation there).
 */
function leadingContentStart(d: AttributionDoc, openTok: number): number {
  const [sentenceStart, sentenceEnd] = d.sentenceRange(openTok)
  if (openTok === sentenceStart) return openTok
  for (let i = sentenceStart; i < openTok; i++) {
    if (d.isQuoteMark(i) || d.lo(i) === ':' || d.lo(i) === ';' || d.verb(i)) return openTok
  }
  return skipConnective(d, sentenceStart, sentenceEnd)
}

/** The quotation opening at `openTok` closes at the end of its sentence. */
function quoteEndsSentence(d: AttributionDoc, openTok: number): boolean {
  const region = d.quotes[d.quoteOf[openTok] as number]
  if (!region) return false
  const close = d.tokenFrom(region.end - 1)
  const sentenceEnd = d.sentenceRange(close)[1]
  return close >= sentenceEnd - 2
}

/**
 * A tag the splitter cut off as its own sentence (“…?” Mr. Trump asked.) must end there, go on after a
 * comma (“…?” Trump said, looking out on the crowd.), or name a short hearer (Obama asked Republican politicians.).
 */
function endsLoneTag(d: AttributionDoc, g1: number, sentenceEnd: number): boolean {
  const rest = sentenceEnd - (g1 + 1)
  if (rest <= 1 || d.lo(g1 + 1) === ',') return true
  return d.verb(g1)?.frame === 'tell' && rest <= MAX_LONE_TAG_HEARER + 1
}

/** He said: “…” / Salami told reporters, “…” / said Salami: “…”. */
function tagBefore(d: AttributionDoc, openTok: number): Tag | null {
  let p = openTok - 1
  const punctuated = d.lo(p) === ':' || d.lo(p) === ','
  if (punctuated) p--
  const [sentenceStart] = d.sentenceRange(Math.max(0, p))
  for (let v = p; v >= sentenceStart && p - v < MAX_CUE_BEFORE_OPEN; v--) {
    if (d.isQuoteMark(v) || d.lo(v) === '.') return null
    if (!d.verb(v)) continue
    const [g0, g1] = verbGroup(d, v)
    // between the cue and the quotation only a hearer or an inverted source, and only before ":" or ","
    // ("said the deal was “a disaster”" is indirect content with a quotation in it: said-that.ts)
    const after = g1 < p ? nounPhraseAfter(d, g1 + 1, p + 1) : null
    if (g1 < p && (!punctuated || !after || after[1] !== p)) return null
    // "he said “budget reforms” and the collection of taxes would …": without a colon or comma the
    // quotation is direct only when it runs to the end of the sentence (else said-that.ts: mixed)
    if (!punctuated && !quoteEndsSentence(d, openTok)) return null
    const np = nounPhraseBefore(d, g0 - 1, sentenceStart)
    // a colon right after the verb belongs to the cue (PolNeAR: "said:", "continued:")
    const cueEnd = g1 === p && d.lo(p + 1) === ':' ? p + 1 : g1
    if (np) return { cue: [g0, cueEnd], source: np, last: p }
    return { cue: [g0, cueEnd], source: after, last: p }
  }
  return null
}
