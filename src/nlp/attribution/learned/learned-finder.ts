/**
 * The learned finder: the cue model proposes cues the rule finders missed (attitudes, intentions,
 * evaluations, reports: "seemed", "wants", "a report found"), and the span model labels source and
 * content around each. Runs after the rule finders and only where they found nothing, so the rules keep
 * what they do well (quotation marks, nesting, multi-paragraph quotes) and the model adds recall.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import { PRIORITY, type Candidate } from '../candidate.js'
import { argmax } from '../../learn/linear-model.js'
import { reportingVerbs } from '../lexicon.js'
import { looksLikeSpeech } from '../quote-shape.js'
import { VERB_GROUP_LEFT } from '../words.js'
import { CUE_LABELS } from './features.js'
import { loadAttributionModel, type AttributionModel } from './model-file.js'
import { TokenTable } from './token-table.js'
import { cueRanges, spansFromLabels, walkCues, walkSpans, type Decide } from './walk.js'

const scores = new Float64Array(8)

function argmaxDecide(model: AttributionModel['cue']): Decide {
  return (features, count) => {
    model.score(features, count, scores)
    return argmax(scores, model.labelCount)
  }
}

function cueDecide(model: AttributionModel): Decide {
  return (features, count) => {
    model.cue.score(features, count, scores)
    return (scores[CUE_LABELS.CUE] as number) - (scores[CUE_LABELS.O] as number) > model.cueMargin
      ? CUE_LABELS.CUE
      : CUE_LABELS.O
  }
}

/** A learned content needs this many words: "more", "this", "to say more" are objects, not statements. */
const MIN_CONTENT_WORDS = 4

/**
 * Whether a learned content is a statement: enough words, and no scare quote or title inside it (“truce”,
 * “The Art of the Deal”): the quote finders judge quotations, and the model has no view of them.
 */
function plausibleContent(d: AttributionDoc, first: number, last: number): boolean {
  let words = 0
  for (let i = first; i <= last; i++) if (d.isWord(i)) words++
  if (words < MIN_CONTENT_WORDS) return false
  const start = d.starts[first] as number
  const end = d.ends[last] as number
  return !d.quotes.some((q) => q.start < end && start < q.end && !looksLikeSpeech(d, q))
}

/**
 * Whether a learned cue can head an attribution: it must end in a word of its own, not an auxiliary or
 * an adverb ("The IRGC has expanded …" is no attribution with cue "has").
 */
function plausibleCue(d: AttributionDoc, last: number): boolean {
  // "a system backed by the British Red Cross": a passive participle with its agent after it, whose
  // source is no word to the cue's left
  if (d.lo(last + 1) === 'by' && /ed$/.test(d.lo(last)) && !d.isCapitalized(last)) return false
  return d.isWord(last) && !VERB_GROUP_LEFT.has(d.lo(last))
}

/**
 * The learned content [first, last] when it holds no rule cue. A content right of its cue that holds one
 * is cut before that rule attribution ("admitted to being a part of the effort, writing in a blog post
 * “…”": the rules have the participial), without the punctuation left at the cut; any other is dropped
 * (null): the rules saw that statement better.
 */
function contentBeforeRules(
  d: AttributionDoc,
  candidates: readonly Candidate[],
  cueLast: number,
  first: number,
  last: number,
): [number, number] | null {
  const start = d.starts[first] as number
  let end = d.ends[last] as number
  let holds = false
  for (const c of candidates) {
    if (c.cue === null || c.cue.start < start || c.cue.end > end) continue
    holds = true
    end = Math.min(end, c.cue.start, c.source && c.source.start > start ? c.source.start : end)
  }
  if (!holds) return [first, last]
  if (first <= cueLast) return null
  let cut = last
  while (cut >= first && ((d.ends[cut] as number) > end || !d.isWord(cut))) cut--
  return cut >= first ? [first, cut] : null
}

/**
 * A learned cue in a headline needs a reporting verb of the lexicon: a headline has no "that", colon or
 * quotation to frame its verb, and the cue vocabulary holds verbs that are cues only in such a frame ("as
 * he put it"), so "North Korea puts military in 'quasi-state of war'" would become an attribution.
 */
function headlineCueWithoutVerb(d: AttributionDoc, first: number, last: number): boolean {
  if (!d.isHeadline(first)) return false
  const forms = reportingVerbs().byForm
  for (let i = first; i <= last; i++) if (forms.has(d.low[i] as string)) return false
  return true
}

/** Words that may stand between a cue and its content without belonging to either ("said on Friday that"). */
const GAP_WORDS = new Set([
  'on',
  'in',
  'at',
  'during',
  'last',
  'this',
  'earlier',
  'later',
  'also',
  'again',
  'then',
  'now',
  'today',
  'yesterday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'month',
  'year',
  'night',
  'morning',
  'afternoon',
  'evening',
])
/** At most this many words between the cue and a content start the span model left outside. */
const MAX_OBJECT_GAP = 3

/**
 * Where a content right of its cue starts: the span model sometimes leaves the first words of a noun
 * phrase outside ("referred to [the recent Israeli] aggression against Gaza …"); a short gap of plain
 * words (no punctuation, quote mark or time phrase) between the cue and the content is the content's.
 */
function objectStart(d: AttributionDoc, cueLast: number, contentFirst: number): number {
  const gap = contentFirst - cueLast - 1
  if (gap <= 0 || gap > MAX_OBJECT_GAP) return contentFirst
  for (let i = cueLast + 1; i < contentFirst; i++) {
    if (!d.isWord(i) || GAP_WORDS.has(d.lo(i)) || d.quoteOf[i] !== -1) return contentFirst
  }
  return cueLast + 1
}

/** Whether the token range lies inside some rule candidate's content: PolNeAR marks no nested attributions. */
function insideRuleContent(
  d: AttributionDoc,
  candidates: readonly Candidate[],
  first: number,
  last: number,
): boolean {
  const start = d.starts[first] as number
  const end = d.ends[last] as number
  return candidates.some((c) => c.content.start <= start && end <= c.content.end)
}

/** Tokens inside any candidate's cue: the cue model leaves them to the rules. */
export function ruleCueMask(d: AttributionDoc, candidates: readonly Candidate[]): Uint8Array {
  const mask = new Uint8Array(d.n)
  for (const c of candidates) {
    if (!c.cue) continue
    for (let i = d.tokenFrom(c.cue.start); i < d.n && (d.starts[i] as number) < c.cue.end; i++) mask[i] = 1
  }
  return mask
}

/** Whether the cue model looks at token i: a cue-vocabulary word or a reporting verb, outside rule cues. */
export function cueCandidate(
  d: AttributionDoc,
  vocabulary: ReadonlySet<string>,
  mask: Uint8Array,
): (i: number) => boolean {
  // quote-frame verbs ("reads") are left to the rules: the models were trained without them
  return (i) =>
    mask[i] === 0 && (vocabulary.has(d.low[i] as string) || (d.verb(i)?.frame ?? 'quote') !== 'quote')
}

/**
 * @example findLearned(doc, ruleCandidates) // "Trump seemed to suggest that …" → cue "seemed to suggest"
 */
export function findLearned(
  d: AttributionDoc,
  ruleCandidates: readonly Candidate[],
  model: AttributionModel = loadAttributionModel(),
): Candidate[] {
  const t = new TokenTable(d)
  const mask = ruleCueMask(d, ruleCandidates)
  const cueLabels = walkCues(d, t, cueCandidate(d, model.cueVocabulary, mask), cueDecide(model))
  const decideSpan = argmaxDecide(model.span)
  const out: Candidate[] = []
  for (const [first, last] of cueRanges(cueLabels, d)) {
    if (
      !plausibleCue(d, last) ||
      headlineCueWithoutVerb(d, first, last) ||
      insideRuleContent(d, ruleCandidates, first, last)
    )
      continue
    const { from, labels } = walkSpans(d, t, first, last, decideSpan)
    const labelled = spansFromLabels(from, labels, first, last)
    const { source } = labelled
    const content =
      labelled.content &&
      contentBeforeRules(
        d,
        ruleCandidates,
        last,
        objectStart(d, last, labelled.content[0]),
        labelled.content[1],
      )
    if (!content) continue
    // An indirect content right of its cue stays in the cue's sentence ("It has shown it knows how. In
    // the truck spat, …" is no content "how. In the truck spat, …"); quotations may run on.
    if (content[0] > last && !d.isQuoteMark(content[0])) {
      const sentenceEnd = d.sentenceRange(last)[1]
      if (content[1] >= sentenceEnd) {
        let cut = sentenceEnd - 1
        while (cut > content[0] && d.isPunct(cut) && !d.isQuoteMark(cut)) cut--
        content[1] = cut
      }
    }
    if (!plausibleContent(d, content[0], content[1])) continue
    out.push({
      rule: 'learned',
      cue: d.span(first, last),
      content: d.span(content[0], content[1]),
      source: source ? d.span(source[0], source[1]) : null,
      priority: PRIORITY.learned,
    })
  }
  return out
}
