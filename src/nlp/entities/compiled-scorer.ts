/**
 * The entity model compiled for fast tagging. Scoring a unit feature by feature costs one hash-table probe
 * and one cache miss per feature (about 40 per unit, twice per document); most of them depend only on one
 * word and where it sits. So:
 *
 * - each word type's features are summed once into score vectors, one per position it can hold relative
 *   to the unit being labelled (−2 … +2), and cached by text; the vectors of every word type sit side by
 *   side in one arena, not in a typed array each: a typed array of more than 64 bytes is a separate
 *   allocation outside V8's heap, slow to make and to collect, and one more pointer to follow when read;
 * - features over small integers (capitalisation pattern, document casing, previous labels, document
 *   history and context) are summed into dense tables when the model loads;
 * - a unit's static score (everything but the labels) is computed once and reused by both passes;
 * - weights are the model's int16 quantisation (model-codec.ts) summed in int32: exact, so the order of
 *   the sum cannot change a decision.
 *
 * Feature ids are exactly those of features.ts (the same helpers build them), so a compiled model scores
 * like the {@link LinearModel} it came from, up to the float rounding of the latter.
 */
import type { LinearModel } from '../learn/linear-model.js'
import {
  bigramFeature,
  boundaryInfos,
  capPatternFeature,
  clusterPairFeature,
  commonFeatures,
  docCaseFeature,
  firstFeatures,
  gazetteerCasedFeature,
  gazetteerFeature,
  headlineFeatures,
  labelFeature,
  wordInfo,
  wordShape,
  type DocumentCasing,
  type FeatureResources,
  type UnitCase,
  type WordInfo,
} from './features.js'
import { gazetteerKey } from './gazetteer.js'

/** A word type as the compiled scorer keeps it. */
export interface CompiledWord extends UnitCase {
  text: string
  /** {@link gazetteerKey} of the text. */
  gazetteerKey: string
  lower: string
  lowerId: number
  cap: number
  letter: boolean
  common: boolean
  /** Word class at the first granularity (−1 unknown, −2 boundary); 0 when the model has no classes. */
  class0: number
  bigramLeft: number
  bigramRight: number
  /**
   * Where the word's score vectors start in the scorer's arena ({@link CompiledEntityScorer.vectors}): the
   * score of its per-word features at offset −2, −1, 0, +1, +2 is at `vec + (offset + 2) * L + label`.
   */
  vec: number
  /** `[label + 1, row offset, …]`: rows of the "previous label + this word" features the model has. */
  prevLower: Int32Array
  /** Dense "previous label + this word's shape" scores, shared by every word of the shape. */
  prevShape: Int32Array
  /** Row offset of the "first unit with this shape" feature, −1 when absent. */
  firstShape: number
}

/**
 * Word types cached before the cache (and the shape tables and the arena) is cleared, between documents
 * ({@link CompiledEntityScorer.trimCache}): a long corpus would otherwise grow it without bound. About
 * 600 bytes a word, so at most ~30 MB.
 */
const MAX_CACHED_WORDS = 50_000
/** Previous-label values: −1 (sentence start) … labels − 1, shifted by one. */
const MAX_HISTORY_TYPES = 16

export class CompiledEntityScorer {
  readonly labelCount: number
  private readonly model: LinearModel
  private readonly resources: FeatureResources
  private readonly weights: Int16Array
  private readonly words = new Map<string, CompiledWord>()
  private readonly shapes = new Map<number, Int32Array>()
  /** Score vectors of every cached word type, 5 × L each ({@link CompiledWord.vec}); grows by doubling. */
  private vectors: Int32Array
  /** Entries of {@link vectors} in use. */
  private used = 0
  /** Entries taken by the sentence boundaries, compiled first and kept when the cache is cleared. */
  private readonly reserved: number
  readonly before: CompiledWord
  readonly after: CompiledWord
  private readonly capPattern: Int32Array
  private readonly docCase: Int32Array
  private readonly common: Int32Array
  private readonly first: Int32Array
  private readonly headline: Int32Array
  /** The three previous-label features summed, by (previous label, the one before) shifted by one. */
  private readonly previous: Int32Array
  private readonly history: Int32Array
  private readonly context: Int32Array
  private readonly hasClasses: boolean
  /** Values a word class takes at granularity 0, shifted by two (−2 boundary, −1 unknown, 0 … classes − 1). */
  private readonly classValues: number
  /** "Class of this word + class of the next" scores, dense by (own class + 2) × {@link classValues} + next + 2. */
  private readonly classPair: Int32Array

  constructor(model: LinearModel, resources: FeatureResources) {
    this.model = model
    this.resources = resources
    const L = (this.labelCount = model.labelCount)
    this.weights = quantise(model.data.weights)
    this.hasClasses = (resources.clusters?.classes.length ?? 0) > 0
    let classCount = 0
    for (const c of resources.clusters?.classes[0] ?? []) classCount = Math.max(classCount, c + 1)
    const V = (this.classValues = classCount + 2)
    // A pair's row read from the feature table was a memory access each unit; the dense table (V² rows,
    // ~300 KB for 64 classes) stays in cache.
    this.classPair = this.hasClasses
      ? this.table(V * V, (k) => [clusterPairFeature(Math.floor(k / V) - 2, (k % V) - 2)])
      : new Int32Array(0)
    this.vectors = new Int32Array(1024 * 5 * L)
    const { before, after } = boundaryInfos(resources)
    this.before = this.compile(before)
    this.after = this.compile(after)
    this.reserved = this.used
    const P = L + 1
    this.capPattern = this.table(27, (k) => [
      capPatternFeature(Math.floor(k / 9), Math.floor(k / 3) % 3, k % 3),
    ])
    this.docCase = this.table(8 * 4 * 2, (k) => [docCaseFeature(k >> 3, (k >> 1) & 3, k & 1)])
    this.common = this.table(4, (k) => commonFeatures(k >> 1, k & 1))
    this.first = this.table(1, () => [firstFeatures('')[0]])
    this.headline = this.table(1, () => [headlineFeatures('')[0]])
    this.previous = this.table(P * P, (k) => {
      const a = Math.floor(k / P)
      const b = k % P
      return [labelFeature.prev1(a), labelFeature.prev2(b), labelFeature.prev12(a, b)]
    })
    this.history = this.table(MAX_HISTORY_TYPES, (k) => [labelFeature.history(k)])
    this.context = this.table(MAX_HISTORY_TYPES, (k) => [labelFeature.context(k)])
  }

  /** Adds the row of feature `id` (if the model has it) into `out` at `at`. */
  private addFeature(id: number, out: Int32Array, at: number): void {
    const row = this.model.row(id)
    if (row >= 0) this.addRow(row, out, at)
  }

  private addRow(row: number, out: Int32Array, at: number): void {
    const w = this.weights
    for (let l = 0; l < this.labelCount; l++) out[at + l] = (out[at + l] as number) + (w[row + l] as number)
  }

  /** `size` summed score vectors; entry k is the sum of the rows of `features(k)`. */
  private table(size: number, features: (k: number) => readonly number[]): Int32Array {
    const out = new Int32Array(size * this.labelCount)
    for (let k = 0; k < size; k++) for (const id of features(k)) this.addFeature(id, out, k * this.labelCount)
    return out
  }

  /** Arena space for one more word's vectors, zeroed; returns its offset. */
  private allocateVectors(): number {
    const size = 5 * this.labelCount
    if (this.used + size > this.vectors.length) {
      const grown = new Int32Array(this.vectors.length * 2)
      grown.set(this.vectors.subarray(0, this.used))
      this.vectors = grown
    }
    const at = this.used
    this.used += size
    // Space reused after trimCache still holds an earlier word's sums.
    this.vectors.fill(0, at, at + size)
    return at
  }

  private compile(info: WordInfo): CompiledWord {
    const L = this.labelCount
    const vec = this.allocateVectors()
    const vectors = this.vectors
    for (const id of info.own) this.addFeature(id, vectors, vec + 2 * L)
    for (let a = 0; a < info.around.length; a++) {
      const slot = a < 2 ? a : a + 1
      for (const id of info.around[a] as Uint32Array) this.addFeature(id, vectors, vec + slot * L)
    }
    const prevLower: number[] = []
    for (let p = 0; p <= L; p++) {
      const row = this.model.row(labelFeature.prev1Lower(p, info.lowerId))
      if (row >= 0) prevLower.push(p, row)
    }
    let prevShape = this.shapes.get(info.shapeId)
    if (!prevShape) {
      const shapeId = info.shapeId
      prevShape = this.table(L + 1, (p) => [labelFeature.prev1Shape(p, shapeId)])
      this.shapes.set(shapeId, prevShape)
    }
    return {
      letter: info.letter,
      caseKey: info.caseKey,
      flagAtStart: info.flagAtStart,
      flagInside: info.flagInside,
      breaksHeadline: info.breaksHeadline,
      upper: info.upper,
      gazetteerKey: gazetteerKey(info.text),
      text: info.text,
      lower: info.lower,
      lowerId: info.lowerId,
      cap: info.cap,
      common: info.common,
      class0: info.classes.length > 0 ? (info.classes[0] as number) : 0,
      bigramLeft: info.bigramLeft,
      bigramRight: info.bigramRight,
      vec,
      prevLower: Int32Array.from(prevLower),
      prevShape,
      firstShape: this.model.row(firstFeatures(wordShape(info.text))[1]),
    }
  }

  /**
   * The compiled form of a unit text (cached). Its vectors stay valid until {@link trimCache}, so call that
   * only between documents.
   */
  word(text: string): CompiledWord {
    let w = this.words.get(text)
    if (w === undefined) {
      w = this.compile(wordInfo(text, this.resources))
      this.words.set(text, w)
    }
    return w
  }

  /**
   * Clears the word cache once it holds {@link MAX_CACHED_WORDS} types. Call it before compiling a
   * document, never during one: the words of the document being tagged point into the arena it reuses.
   */
  trimCache(): void {
    if (this.words.size < MAX_CACHED_WORDS) return
    this.words.clear()
    this.shapes.clear()
    this.used = this.reserved
  }

  /**
   * Static scores of a sentence's units: every feature of features.ts except the previous labels, document
   * history and two-pass context, written to `out[(at + i) * L + label]` (a document's sentences share one
   * buffer).
   *
   * @param hits gazetteer hits per unit ({@link gazetteerHits})
   */
  staticScores(
    words: readonly CompiledWord[],
    headline: boolean,
    hits: readonly (number[] | null)[],
    casing: DocumentCasing | undefined,
    out: Int32Array,
    first: number,
  ): void {
    const L = this.labelCount
    const n = words.length
    const hl = headline ? 1 : 0
    const V = this.vectors
    const cpt = this.capPattern
    // The offset of the slot each neighbour is read at (the word two before: slot 0, …).
    const L3 = 3 * L
    const L4 = 4 * L
    for (let i = 0; i < n; i++) {
      const at = (first + i) * L
      const w = words[i] as CompiledWord
      const m1 = i >= 1 ? (words[i - 1] as CompiledWord) : this.before
      const p1 = i + 1 < n ? (words[i + 1] as CompiledWord) : this.after
      const own = w.vec + 2 * L
      const v0 = i >= 2 ? (words[i - 2] as CompiledWord).vec : this.before.vec
      const v1 = m1.vec + L
      const v3 = p1.vec + L3
      const v4 = (i + 2 < n ? (words[i + 2] as CompiledWord) : this.after).vec + L4
      const capBefore = i >= 1 ? m1.cap : 2
      const capAfter = i + 1 < n ? p1.cap : 2
      const cp = (capBefore * 9 + w.cap * 3 + capAfter) * L
      for (let l = 0; l < L; l++) {
        out[at + l] =
          (V[own + l] as number) +
          (V[v0 + l] as number) +
          (V[v1 + l] as number) +
          (V[v3 + l] as number) +
          (V[v4 + l] as number) +
          (cpt[cp + l] as number)
      }
      this.addFeature(bigramFeature(m1.bigramLeft, w.lower), out, at)
      this.addFeature(bigramFeature(w.bigramRight, p1.lower), out, at)
      if (headline) {
        this.addDense(this.headline, 0, out, at)
        this.addFeature(headlineFeatures(w.lower)[1], out, at)
      }
      if (casing && w.letter) {
        const flags = casing.get(w.lower) ?? 0
        this.addDense(this.docCase, (flags << 3) | ((w.cap + (i === 0 ? 2 : 0)) << 1) | hl, out, at)
      }
      if (i === 0) {
        this.addDense(this.first, 0, out, at)
        if (w.firstShape >= 0) this.addRow(w.firstShape, out, at)
      }
      if (w.common) this.addDense(this.common, (w.cap << 1) | hl, out, at)
      if (this.hasClasses)
        this.addDense(this.classPair, (w.class0 + 2) * this.classValues + p1.class0 + 2, out, at)
      for (let d = -1; d <= 1; d++) {
        // Never read hits[-1]: an array read out of bounds deoptimises the loop.
        if (i + d < 0 || i + d >= n) continue
        const unitHits = hits[i + d]
        if (!unitHits) continue
        for (const hit of unitHits) {
          this.addFeature(gazetteerFeature(d, hit), out, at)
          if (d === 0) this.addFeature(gazetteerCasedFeature(hit), out, at)
        }
      }
    }
  }

  private addDense(table: Int32Array, k: number, out: Int32Array, at: number): void {
    const L = this.labelCount
    const base = k * L
    for (let l = 0; l < L; l++) out[at + l] = (out[at + l] as number) + (table[base + l] as number)
  }

  /**
   * Full scores of unit `i`: its static scores plus the label features. `prev1`/`prev2` are the previous
   * labels (−1 at the sentence start), `history`/`context` a type + 1 (0 none) or −1 when absent.
   */
  score(
    statics: Int32Array,
    i: number,
    w: CompiledWord,
    prev1: number,
    prev2: number,
    history: number,
    context: number,
    out: Int32Array,
  ): void {
    const L = this.labelCount
    const P = L + 1
    const a = prev1 + 1
    const b = prev2 + 1
    const s = i * L
    const t1 = a * L
    const t12 = (a * P + b) * L
    const previous = this.previous
    const shape = w.prevShape
    for (let l = 0; l < L; l++) {
      out[l] = (statics[s + l] as number) + (previous[t12 + l] as number) + (shape[t1 + l] as number)
    }
    const lower = w.prevLower
    for (let k = 0; k < lower.length; k += 2) if (lower[k] === a) this.addRow(lower[k + 1] as number, out, 0)
    if (history >= 0) this.addDense(this.history, history, out, 0)
    if (context >= 0) this.addDense(this.context, context, out, 0)
  }
}

/**
 * The int16 values behind a model's weights: exact for a model read from its codec file (the weights are
 * `value * scale` with one scale), and the same quantisation as saving would apply for any other.
 */
function quantise(weights: Float32Array): Int16Array {
  // Runs once per thread as the model loads, before anything is optimised: plain indexed loops (which
  // V8 optimises mid-loop) over the ~700,000 weights. With for…of and Math.max it took 140–170 ms of
  // each pool thread's start.
  const n = weights.length
  let maxAbs = 0
  for (let k = 0; k < n; k++) {
    const v = weights[k] as number
    if (v > maxAbs) maxAbs = v
    else if (-v > maxAbs) maxAbs = -v
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1
  const out = new Int16Array(n)
  for (let k = 0; k < n; k++) out[k] = Math.round((weights[k] as number) / scale)
  return out
}
