/**
 * Feature templates of the two learned models, shared by training (src/train/train-attribution.ts) and
 * inference (learned-finder.ts), so both see exactly the same ids. A feature id mixes a template number
 * with up to three integer values (token hashes, labels, buckets) through {@link hashInts}.
 *
 * Cue model: is a candidate token inside a cue?
 * Span model: for each token of the cue's paragraph, given the cue, is it source, content or neither? Features are read relative to the cue: side, distance, sentence and quote-mark crossings, the
 * words on either side of the cue (QSample's and Citron's parser-free features, methods §3–4).
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { TokenTable } from './token-table.js'

/**
 * Inside/outside labels: a greedy walk with B/I labels cannot recover once it misses a B (every later I is
 * forbidden), and two cues, sources or contents of one kind are almost never adjacent.
 */
export const CUE_LABELS = { O: 0, CUE: 1 } as const
export const SPAN_LABELS = { O: 0, SOURCE: 1, CONTENT: 2 } as const
/** Not a label the span model predicts: the history value while a decoder walks over the cue itself. */
export const CUE_HISTORY = 3
/** Room for every template of either model. */
export const MAX_FEATURES = 32

const TEMPLATE_SEED = 0x2545f491

/** The id of template `template` with values a, b, c: three multiply-xor rounds and a final avalanche. */
export function feature(template: number, a = 0, b = 0, c = 0): number {
  let h = Math.imul(TEMPLATE_SEED ^ template, 0x01000193)
  h = Math.imul(h ^ a, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2f)
  return (h ^ (h >>> 15)) >>> 0
}

function bucket(distance: number): number {
  if (distance <= 3) return distance
  if (distance <= 5) return 4
  if (distance <= 10) return 5
  if (distance <= 20) return 6
  return 7
}

/**
 * Writes the cue model's features for token i into `out` and returns how many.
 *
 * @example const count = cueFeatures(doc, table, i, previousLabel, buffer)
 */
export function cueFeatures(
  d: AttributionDoc,
  t: TokenTable,
  i: number,
  previous: number,
  out: Uint32Array,
): number {
  const n = t.n
  const w0 = t.word(i)
  const sentence = d.sentOf[i] as number
  const sentenceStart = d.sentFirst[sentence] as number
  const sentenceEnd = d.sentEnd[sentence] as number
  // The models were trained without quote-frame verbs ("reads"): they see them as no lexicon verb.
  const verb = d.verb(i)
  const lemma = verb?.frame === 'quote' ? undefined : verb?.lemma
  let k = 0
  out[k++] = feature(0)
  out[k++] = feature(1, w0)
  out[k++] = feature(2, t.word(i - 1))
  out[k++] = feature(3, t.word(i + 1))
  out[k++] = feature(6, t.suffix(i))
  out[k++] = feature(7, t.shape(i), i === sentenceStart ? 1 : 0)
  out[k++] = feature(8, w0, previous)
  out[k++] = feature(10, t.word(i - 1), w0)
  out[k++] = feature(11, w0, t.word(i + 1))
  out[k++] = feature(12, d.quoteOf[i] === -1 ? 0 : 1, previous)
  out[k++] = feature(13, lemma === undefined ? 0 : 1, previous)
  out[k++] = feature(14, bucket(i - sentenceStart), bucket(sentenceEnd - 1 - i))
  out[k++] = feature(16, t.mentionAt(i - 1), w0)
  out[k++] = feature(
    20,
    Math.min(3, (t.quoteMarks[Math.min(n, i + 4)] as number) - (t.quoteMarks[i + 1] as number)),
    w0,
  )
  out[k++] = feature(
    21,
    Math.min(3, (t.quoteMarks[i] as number) - (t.quoteMarks[Math.max(0, i - 3)] as number)),
    w0,
  )
  return k
}

/** The cue a span-model decoder works for: its token range and the words around it. */
export interface CueContext {
  first: number
  last: number
  /** Hash of the cue's last word, and of the words just outside it. */
  head: number
  before: number
  after: number
  sentence: number
}

export function cueContext(d: AttributionDoc, t: TokenTable, first: number, last: number): CueContext {
  return {
    first,
    last,
    head: t.word(last),
    before: t.word(first - 1),
    after: t.word(last + 1),
    sentence: d.sentOf[first] as number,
  }
}

/**
 * Writes the span model's features for token j (outside the cue) into `out` and returns how many.
 * `p1` and `p2` are the labels decided for the two tokens before j ({@link CUE_HISTORY} over the cue).
 */
export function spanFeatures(
  d: AttributionDoc,
  t: TokenTable,
  cue: CueContext,
  j: number,
  p1: number,
  p2: number,
  out: Uint32Array,
): number {
  const right = j > cue.last
  const side = right ? 1 : 0
  const distance = bucket(right ? j - cue.last : cue.first - j)
  const near = right ? cue.last + 1 : j + 1
  const far = right ? j : cue.first
  const marks = Math.min(3, (t.quoteMarks[far] as number) - (t.quoteMarks[near] as number))
  const commas = Math.min(3, (t.commas[far] as number) - (t.commas[near] as number))
  const sentence = d.sentOf[j] as number
  const sentenceEnd = d.sentEnd[sentence] as number
  const sentences = Math.min(2, Math.abs(sentence - cue.sentence))
  const w0 = t.word(j)
  const inQuote = d.quoteOf[j] === -1 ? 0 : 1
  const s = side * 8
  let k = 0
  out[k++] = feature(30, s + distance)
  out[k++] = feature(31, s + p1, w0)
  out[k++] = feature(32, side, t.word(j - 1))
  out[k++] = feature(33, side, t.word(j + 1))
  out[k++] = feature(35, s + p1, p2)
  out[k++] = feature(36, side, w0)
  out[k++] = feature(37, s + t.shape(j), p1)
  out[k++] = feature(38, s + inQuote, p1, d.isQuoteMark(j) ? 1 : 0)
  out[k++] = feature(39, s + sentences, p1)
  out[k++] = feature(40, s + p1, t.mention[j] as number)
  out[k++] = feature(41, s + distance, cue.head)
  out[k++] = feature(42, s + p1, cue.before)
  out[k++] = feature(43, s + p1, cue.after)
  out[k++] = feature(45, s + p1, j + 1 >= sentenceEnd ? 2 : j + 2 === sentenceEnd ? 1 : 0)
  out[k++] = feature(50, s + marks, p1, inQuote)
  out[k++] = feature(51, s + commas, p1)
  return k
}
