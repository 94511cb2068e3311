/**
 * Runs the tagger over a document: per sentence, the tagger units and their static scores; then two-pass
 * greedy decoding over the whole document with the compiled model ({@link tagCompiledDocument}), and BILOU
 * decoding into typed unit ranges with character offsets.
 */
import { decodeBilou } from '../learn/bilou.js'
import type { DocView } from '../../model/doc-view.js'
import { compileDocument, tagCompiledDocument, type CompiledSentence } from './fast-tagger.js'
import type { EntityModel } from './model-file.js'
import { unitsFromTokens, type TaggerUnits } from './tagger-units.js'

/** Units of context kept on each side of a tagged name (for type rules). */
const CONTEXT_UNITS = 2

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
  /** The span's units as the tagger read them: headline words recased ("BIDEN" → "Biden", "IRGC" kept). */
  cased: readonly string[]
  /** Up to two units before and after the span in its sentence, as the tagger read them (nearest last in `before`). */
  before?: readonly string[]
  after?: readonly string[]
}

/**
 * Tagged names of a document, in text order.
 *
 * @example
 * const names = tagDocument(view, loadEntityModel())
 */
export function tagDocument(doc: DocView, model: EntityModel): TaggedName[] {
  const tokens = doc.tokens
  const out: TaggedName[] = []
  const sentences: TaggerUnits[] = []
  let first = 0
  while (first < tokens.count) {
    const sentence = tokens.sentence[first] as number
    let last = first + 1
    while (last < tokens.count && tokens.sentence[last] === sentence) last++
    const units = unitsFromTokens(doc.text, tokens.starts, tokens.ends, first, last)
    first = last
    if (units.texts.length > 0) sentences.push(units)
  }
  const compiled = compileDocument(
    sentences.map((u) => u.texts),
    model.compiled,
    model.resources,
  )
  const labels = tagCompiledDocument(model.compiled, compiled, model.types.length)
  sentences.forEach((units, s) => {
    const f = compiled[s] as CompiledSentence
    for (const span of decodeBilou(labels[s] as Int32Array)) {
      out.push({
        start: units.starts[span.start] as number,
        end: units.ends[span.end - 1] as number,
        type: model.types[span.type] as string,
        units: units.texts.slice(span.start, span.end),
        unitStarts: units.starts.slice(span.start, span.end),
        unitEnds: units.ends.slice(span.start, span.end),
        cased: f.texts.slice(span.start, span.end),
        before: f.texts.slice(Math.max(0, span.start - CONTEXT_UNITS), span.start),
        after: f.texts.slice(span.end, span.end + CONTEXT_UNITS),
      })
    }
  })
  return out
}
