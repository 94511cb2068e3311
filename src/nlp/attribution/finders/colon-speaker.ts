/**
 * A speaker label and a colon at the start of a sentence: "Trump: We will build the wall." The cue is
 * the colon (PolNeAR marks it so, methods §2). The label must be a named mention of a person or an
 * organisation, or a capitalised name-like label that is no headline kicker ("Exclusive: …", "Update: …").
 * A lead-in before the label is no part of it: "And from Chairwoman Nita Lowey: “…”" (a round-up of
 * statements) has the source "Chairwoman Nita Lowey".
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { contentSpan } from '../content.js'

/** "Sen. Jane Roe" is four tokens; longer labels are headlines. */
const MAX_LABEL_TOKENS = 5
const MIN_CONTENT_WORDS = 3
/** Without a mention, only short labels: "Graham", "John McCain", "Dr. Ben Carson". */
const MAX_BARE_LABEL_TOKENS = 4
const FUNCTION_WORDS = new Set(
  'the a an of for over on in at to with from by and or but as so thus this that these those it its his her their my our your for one among'.split(
    ' ',
  ),
)
/** Kickers and credits that stand before a colon but name no speaker (lower case). */
const KICKERS = new Set(
  'exclusive update updated watch analysis opinion breaking editorial note photo photos video videos live read source sources related see also comment commentary review interview explainer factbox timeline quiz podcast listen image credit copyright disclaimer correction warning tags topics by via more here question answer q a subscribe follow contact email tel fax share advertisement poll clarification latest'.split(
    ' ',
  ),
)

/** Words that lead into a label in round-ups of statements: "And from …:", "Also from …:". */
const LEAD_IN = new Set(['and', 'also', 'from'])

/**
 * Without a name mention, a label still counts when it is a capitalised name-like phrase that is not a
 * kicker: "Graham: Trump's rhetoric destroying GOP's chance", "Clinton camp: …".
 */
function looksLikeSpeakerLabel(d: AttributionDoc, first: number, colon: number): boolean {
  if (colon - first > MAX_BARE_LABEL_TOKENS) return false
  for (let i = first; i < colon; i++) {
    if (d.isPunct(i) && d.tok(i) !== '.') return false
    // a name is capitalised throughout; headings have function words ("Stealth Over Health", "The Latest")
    if (
      d.isWord(i) &&
      (!d.isCapitalized(i) || FUNCTION_WORDS.has(d.lo(i)) || KICKERS.has(d.lo(i)) || d.verb(i))
    )
      return false
  }
  return true
}

/** An upper-case label opening its paragraph: a speaker's turn in a transcript ("PENCE:", "SEN. GRAHAM:"). */
function transcriptLabel(d: AttributionDoc, first: number, colon: number): boolean {
  if (first > 0 && d.paraOf[first - 1] === d.paraOf[first] && !d.isQuoteMark(first - 1)) return false
  let letters = false
  for (let i = first; i < colon; i++) {
    const w = d.tok(i)
    if (w !== w.toUpperCase()) return false
    if (d.isWord(i) && w.length > 1) letters = true
  }
  return letters
}

/** The token after the last one of token i's paragraph. */
function paragraphEnd(d: AttributionDoc, i: number): number {
  let end = i + 1
  while (end < d.n && d.paraOf[end] === d.paraOf[i]) end++
  return end
}

/**
 * @example Trump: We will build the wall. → cue ":", source "Trump"
 */
export function findColonSpeakers(d: AttributionDoc): Candidate[] {
  const out: Candidate[] = []
  for (let s = 0; s < d.sentFirst.length; s++) {
    // a transcript quoted whole opens each turn with a quotation mark: "PENCE: Well, look, …
    const first = (d.sentFirst[s] as number) + (d.isQuoteMark(d.sentFirst[s] as number) ? 1 : 0)
    let end = d.sentEnd[s] as number
    let colon = -1
    for (let i = first; i < end && i - first <= MAX_LABEL_TOKENS; i++) {
      if (d.lo(i) === ':') {
        colon = i
        break
      }
      if (d.isPunct(i) && d.tok(i) !== '.') break
    }
    let labelFirst = first
    while (labelFirst < colon - 1 && LEAD_IN.has(d.lo(labelFirst))) labelFirst++
    if (colon <= labelFirst || colon + 1 >= end) continue
    const label = d.span(labelFirst, colon - 1)
    const named = d.mentions.some(
      (m) =>
        m.start === label.start &&
        m.end === label.end &&
        (m.type === 'PERSON' || m.type === 'ORG') &&
        m.kind !== 'pronoun',
    )
    if (!named && !looksLikeSpeakerLabel(d, labelFirst, colon)) continue
    if (colon + MIN_CONTENT_WORDS >= end) continue
    // a transcript turn ("WALLACE: …", "PENCE: …") speaks to the end of its paragraph
    if (transcriptLabel(d, labelFirst, colon)) {
      end = paragraphEnd(d, colon)
      // the closing mark of the quoted transcript is not the turn's
      if (labelFirst > 0 && d.isQuoteMark(labelFirst - 1) && d.isQuoteMark(end - 1)) end--
    }
    const content = contentSpan(d, colon + 1, end)
    if (!content) continue
    out.push({
      rule: 'colon-speaker',
      cue: d.span(colon, colon),
      content,
      source: label,
      priority: PRIORITY.colonSpeaker,
    })
  }
  return out
}
