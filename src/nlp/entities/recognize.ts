/**
 * Runs the tagger over a document: per sentence, the tagger units, static features, greedy decoding with a
 * document-wide label history, and BILOU decoding into typed unit ranges with character offsets.
 */
import { decodeBilou } from '../learn/bilou.js'
import type { DocView } from '../../model/doc-view.js'
import { sentenceFeatures, type DocumentHistory } from './features.js'
import type { EntityModel } from './model-file.js'
import { tagSentence } from './tagger.js'
import { unitsFromTokens } from './tagger-units.js'

/** A tagged name before type mapping: character span, CoNLL type, its units and its sentence's units. */
export interface TaggedName {
  start: number
  end: number
  /** The model's type (CoNLL: PER, ORG, LOC, MISC). */
  type: string
  /** Surfaces of the span's units. */
  units: string[]
  unitStarts: number[]
  unitEnds: number[]
  /** Whether the sentence is written in capitals (a headline). */
  headline: boolean
}

const LOWER_WORD_RE = /\p{Ll}/u
const LETTER_RE = /\p{L}/u

/**
 * Tagged names of a document, in text order.
 *
 * @example
 * const names = tagDocument(view, loadEntityModel())
 */
export function tagDocument(doc: DocView, model: EntityModel): TaggedName[] {
  const tokens = doc.tokens
  const out: TaggedName[] = []
  const history: DocumentHistory = new Map()
  let first = 0
  while (first < tokens.count) {
    const sentence = tokens.sentence[first] as number
    let last = first + 1
    while (last < tokens.count && tokens.sentence[last] === sentence) last++
    const units = unitsFromTokens(doc.text, tokens.starts, tokens.ends, first, last)
    first = last
    if (units.texts.length === 0) continue
    const features = sentenceFeatures(units.texts, model.resources)
    const labels = tagSentence(model.scorer, features, history, model.types.length)
    const headline =
      units.texts.some((t) => LETTER_RE.test(t)) &&
      !units.texts.some((t) => t.length > 1 && LOWER_WORD_RE.test(t))
    for (const span of decodeBilou(labels)) {
      out.push({
        start: units.starts[span.start] as number,
        end: units.ends[span.end - 1] as number,
        type: model.types[span.type] as string,
        units: units.texts.slice(span.start, span.end),
        unitStarts: units.starts.slice(span.start, span.end),
        unitEnds: units.ends.slice(span.start, span.end),
        headline,
      })
    }
  }
  return out
}
