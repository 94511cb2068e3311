/**
 * A document-level detector for repetition: a loaded phrase the tagger found (loaded language or name
 * calling) that recurs in the article marks its later occurrences as repetition. This is aschern's
 * counting rule (methods §3.3, rule 1) seeded by the tagger's own spans, so only phrases already judged
 * loaded are counted. On PTC dev it raised repetition F1 from 10.8 to 25.6 and labelled F1 by 1.3.
 */
import type { TokenTable } from '../../model/tokens.js'
import type { SpanCandidate } from './decode-spans.js'
import type { DocFeatures } from './token-features.js'

/** Rule name recorded in provenance for spans from this detector. */
export const REPETITION_RULE = 'repetition:recurring-loaded-phrase'

/** Shortest seed surface in UTF-16 units: shorter words recur by chance ("war", "lie"). */
const MIN_CHARS = 4

function sameWords(word: Uint32Array, a: number, b: number, len: number): boolean {
  for (let t = 0; t < len; t++) if (word[a + t] !== word[b + t]) return false
  return true
}

/**
 * Repetition candidates for the later occurrences of each seed span's words (lower-cased, token for
 * token) elsewhere in the document; `seedLabels` are the label indexes whose spans seed the search.
 *
 * @example
 * const extra = repetitionSpans(feats, tokens, candidates, [ll, nc], repetitionLabel)
 */
export function repetitionSpans(
  feats: DocFeatures,
  tokens: TokenTable,
  candidates: readonly SpanCandidate[],
  seedLabels: readonly number[],
  label: number,
): SpanCandidate[] {
  const out: SpanCandidate[] = []
  const word = feats.word
  const n = feats.n
  for (const c of candidates) {
    if (!seedLabels.includes(c.label)) continue
    // The phrase's content core: a seed's edge function words ("of the Zionist regime") are not what
    // recurs ("against the Zionist regime").
    let from = c.first
    let to = c.last
    while (from < to && feats.stop[from] === 1) from++
    while (to > from && feats.stop[to - 1] === 1) to--
    if (to - from < 2 && to - from < c.last - c.first) {
      from = c.first
      to = c.last
    }
    const len = to - from
    if (len === 0 || (tokens.ends[to - 1] as number) - (tokens.starts[from] as number) < MIN_CHARS) continue
    let firstAt = -1
    let count = 0
    for (let p = 0; p + len <= n; p++) {
      if (word[p] !== word[from] || !sameWords(word, p, from, len)) continue
      count++
      if (firstAt < 0) firstAt = p
    }
    if (count < 2) continue
    for (let p = firstAt + 1; p + len <= n; p++) {
      if (word[p] !== word[from] || !sameWords(word, p, from, len)) continue
      if (out.some((o) => o.first === p && o.last === p + len)) continue
      out.push({ first: p, last: p + len, label, logit: c.logit, rule: REPETITION_RULE })
    }
  }
  return out
}

/**
 * Adds to `candidates` (in place) the repetition spans seeded by its loaded-language and name-calling
 * spans, skipping any the tagger already gave as repetition; a model without those labels adds none.
 *
 * @example
 * addRepetition(feats, tokens, candidates, model.names)
 */
export function addRepetition(
  feats: DocFeatures,
  tokens: TokenTable,
  candidates: SpanCandidate[],
  names: readonly string[],
): void {
  const repetition = names.indexOf('repetition')
  if (repetition < 0) return
  const seeds = [names.indexOf('loaded_language'), names.indexOf('name_calling_labeling')]
  const tagged = candidates.filter((c) => c.label === repetition)
  for (const r of repetitionSpans(feats, tokens, candidates, seeds, repetition)) {
    if (!tagged.some((t) => t.first === r.first && t.last === r.last)) candidates.push(r)
  }
}
