/**
 * Document tagging with the compiled model ({@link CompiledEntityScorer}): the same two greedy passes as
 * {@link tagDocumentUnits} (document casing, recased headlines, history, two-pass context), with each
 * unit's static score computed once and shared by both passes.
 */
import { argmax } from '../learn/linear-model.js'
import type { CompiledEntityScorer, CompiledWord } from './compiled-scorer.js'
import {
  documentCasingOf,
  documentContext,
  gazetteerHits,
  historyKey,
  isHeadlineOf,
  isLowerCaseDocument,
  mostFrequent,
  readableTexts,
  type DocumentHistory,
  type FeatureResources,
  type UnitKeys,
} from './features.js'
import { closeSpan, recordSentenceHistory, unitTypes } from './tagger.js'

/** A sentence ready for decoding. */
export interface CompiledSentence extends UnitKeys {
  /** Unit texts as tagged (headlines recased). */
  texts: readonly string[]
  words: CompiledWord[]
  /** Static scores of the whole document (shared by its sentences): unit i's at `(first + i) * labels`. */
  statics: Int32Array
  /** Index of the sentence's first unit among the document's. */
  first: number
}

/**
 * Compiles a document's sentences (unit texts): casing, headline recasing, gazetteer hits, static scores.
 *
 * @example
 * const sentences = compileDocument([['Hossein', 'Salami', 'said']], scorer, resources)
 */
export function compileDocument(
  sentences: readonly (readonly string[])[],
  scorer: CompiledEntityScorer,
  resources: FeatureResources,
): CompiledSentence[] {
  scorer.trimCache()
  const words = sentences.map((texts) => texts.map((t) => scorer.word(t)))
  const lowerCase = isLowerCaseDocument(words)
  const casing = documentCasingOf(words, lowerCase)
  let total = 0
  for (const texts of sentences) total += texts.length
  // One buffer for the document's static scores: a typed array for each sentence was one more
  // allocation outside V8's heap.
  const statics = new Int32Array(total * scorer.labelCount)
  let first = 0
  return sentences.map((original, s) => {
    let units = words[s] as CompiledWord[]
    const texts = readableTexts(original, units, casing, resources, lowerCase)
    if (texts !== original) units = texts.map((t) => scorer.word(t))
    const n = texts.length
    const lowerIds = new Uint32Array(n)
    const capitalised = new Uint8Array(n)
    const keys = new Array<string>(n)
    for (let i = 0; i < n; i++) {
      const w = units[i] as CompiledWord
      lowerIds[i] = w.lowerId
      capitalised[i] = w.cap
      keys[i] = w.gazetteerKey
    }
    const hits = gazetteerHits(texts, units, resources.gazetteer, keys)
    scorer.staticScores(units, isHeadlineOf(units), hits, casing, statics, first)
    const sentence = { texts, words: units, statics, first, lowerIds, capitalised }
    first += n
    return sentence
  })
}

/** Greedy labels of one sentence, written to `labels`; records the chosen types in `history`. */
function tagCompiledSentence(
  scorer: CompiledEntityScorer,
  s: CompiledSentence,
  history: DocumentHistory,
  typeCount: number,
  scores: Int32Array,
  labels: Int32Array,
  context?: Int32Array,
): Int32Array {
  const n = s.words.length
  const L = scorer.labelCount
  let prev1 = -1
  let prev2 = -1
  for (let i = 0; i < n; i++) {
    const w = s.words[i] as CompiledWord
    const seen = w.cap ? history.get(historyKey(w.lowerId)) : undefined
    const historyType = seen ? mostFrequent(seen) + 1 : -1
    scorer.score(
      s.statics,
      s.first + i,
      w,
      prev1,
      prev2,
      historyType,
      context ? (context[i] as number) : -1,
      scores,
    )
    let best = argmax(scores, L)
    if (i === n - 1) best = closeSpan(best)
    labels[i] = best
    prev2 = prev1
    prev1 = best
  }
  recordSentenceHistory(s, labels, typeCount, history)
  return labels
}

/**
 * BILOU labels of every sentence of a compiled document, in two passes like {@link tagDocumentUnits}.
 *
 * @example
 * const labels = tagCompiledDocument(scorer, compileDocument(sentences, scorer, resources), 4)
 */
export function tagCompiledDocument(
  scorer: CompiledEntityScorer,
  sentences: readonly CompiledSentence[],
  typeCount: number,
): Int32Array[] {
  const scores = new Int32Array(scorer.labelCount)
  let total = 0
  for (const s of sentences) total += s.words.length
  // Each pass writes its labels into one buffer for the document, a view per sentence: a typed array of
  // its own for each sentence was one more allocation outside V8's heap.
  const labelsOf = (all: Int32Array, s: CompiledSentence): Int32Array =>
    all.subarray(s.first, s.first + s.words.length)
  const firstPass = new Int32Array(total)
  const first: Int32Array[] = []
  let history: DocumentHistory = new Map()
  for (const s of sentences) {
    const labels = labelsOf(firstPass, s)
    first.push(unitTypes(tagCompiledSentence(scorer, s, history, typeCount, scores, labels)))
  }
  const context = documentContext(sentences, first, typeCount)
  history = new Map()
  const secondPass = new Int32Array(total)
  return sentences.map((s, i) =>
    tagCompiledSentence(scorer, s, history, typeCount, scores, labelsOf(secondPass, s), context[i]),
  )
}
