/**
 * Feature extraction for the entity tagger: the local templates of Illinois NER (Ratinov & Roth 2009;
 * forms and shapes in a ±2 window, affixes, capitalisation pattern, previous labels) plus gazetteer hits at
 * ±1, a "common lower-case word" flag learnt from training text and a headline (all-caps sentence) flag,
 * so all-caps titles do not make every word a name. Features are 32-bit hashes ({@link hashString}).
 *
 * Static features depend on the text only and are computed once per sentence; dynamic ones depend on the
 * labels predicted so far (previous labels, what the same word was labelled earlier in the document).
 */
import { hashInts, hashString } from '../learn/hash.js'
import type { Gazetteer } from './gazetteer.js'
import { recaseLowerCase } from './recase-lower.js'

/** What the extractor needs besides the text; shipped inside the model file. */
export interface FeatureResources {
  gazetteer: Gazetteer
  /** Lower-cased words that training text writes mostly in lower case ("get", "win", "the"). */
  commonWords: ReadonlySet<string>
  /** Word classes at several granularities (exchange clustering of unlabelled news), when the model has them. */
  clusters?: WordClassTable
}

/** Words (case kept, digits as 0) → class id per granularity. */
export interface WordClassTable {
  index: ReadonlyMap<string, number>
  /** `classes[g][index]`: class of the word at granularity g. */
  classes: readonly Int32Array[]
}

/**
 * The table row of a word form: the form itself, else its title-case form (headline capitals), else its
 * lower-case form; -1 when unknown.
 *
 * @example
 * clusterRow(table, 'JAPAN') // the row of "Japan"
 */
export function clusterRow(table: WordClassTable, form: string): number {
  const exact = table.index.get(form)
  if (exact !== undefined) return exact
  const lower = form.toLowerCase()
  const title = form.charAt(0) + lower.slice(1)
  return table.index.get(title) ?? table.index.get(lower) ?? -1
}

const S = (template: string): number => hashString(`${template}\u0001`)
const SEED = {
  bias: S('bias'),
  form: S('w'),
  lower: S('l'),
  shape: S('sh'),
  prefix: [S('p1'), S('p2'), S('p3'), S('p4')],
  suffix: [S('s1'), S('s2'), S('s3'), S('s4')],
  lowerAt: [S('l-2'), S('l-1'), S('l0'), S('l+1'), S('l+2')],
  shapeAt: [S('sh-2'), S('sh-1'), S('sh0'), S('sh+1'), S('sh+2')],
  bigramLeft: S('l-1|l0'),
  bigramRight: S('l0|l+1'),
  capPattern: S('cap-1|0|+1'),
  headline: S('hl'),
  headlineLower: S('hl|l'),
  first: S('first'),
  firstShape: S('first|sh'),
  common: S('lc'),
  commonCap: S('lc|cap'),
  gazetteer: [S('g-1'), S('g0'), S('g+1')],
  gazetteerCased: S('gc0'),
  cluster: [S('c-2'), S('c-1'), S('c0'), S('c+1'), S('c+2')],
  clusterPair: S('c0|c+1'),
  docCase: S('doccase'),
  prev1: S('t-1'),
  prev2: S('t-2'),
  prev12: S('t-1|t-2'),
  prev1Lower: S('t-1|l0'),
  prev1Shape: S('t-1|sh0'),
  history: S('hist'),
  context: S('docctx'),
} as const

const DIGIT_RE = /\d/g
const CAP_RE = /^\p{Lu}/u
const LETTER_RE = /\p{L}/u
const LOWER_LETTER_RE = /\p{Ll}/u

/** Word shape with runs collapsed: "Iran" → "Xx", "IRGC" → "X", "U.S." → "X.X.", "1996" → "d". */
export function wordShape(word: string): string {
  let out = ''
  let last = ''
  for (const ch of word) {
    let c: string
    if (ch >= '0' && ch <= '9') c = 'd'
    else if (ch.toLowerCase() !== ch) c = 'X'
    else if (ch.toUpperCase() !== ch) c = 'x'
    else c = ch === '’' ? "'" : ch
    if (c !== last) out += c
    last = c
  }
  return out
}

/**
 * How a document writes each word elsewhere (context aggregation in the spirit of Ratinov & Roth 2009):
 * bit 1 = capitalised in mid-sentence of a normal (not all-caps) sentence, bit 2 = in lower case, bit 4 =
 * in capitals (an acronym such as "IRGC"). It tells
 * a headline's "CUNNINGHAM" or a sentence-initial "Given" what the rest of the article makes of the word.
 */
export type DocumentCasing = Map<string, number>

/**
 * Casing flags of every word of a document, from its sentences' unit texts.
 *
 * @example
 * documentCasing([['Salami', 'said'], ['SALAMI', 'SPEAKS']]).get('salami') // 1
 */
export function documentCasing(sentences: readonly (readonly string[])[]): DocumentCasing {
  return documentCasingOf(sentences.map((texts) => texts.map(unitCase)))
}

/** What document casing and the headline test read of a unit text. */
export interface UnitCase {
  letter: boolean
  /** The raw text in lower case: the key of {@link DocumentCasing}. */
  caseKey: string
  /** The casing flags the word contributes at a sentence start and elsewhere. */
  flagAtStart: number
  flagInside: number
  /** Two or more characters with a lower-case letter: the sentence is not a headline. */
  breaksHeadline: boolean
  /** Whether the text holds a capital letter. */
  upper: boolean
}

/**
 * The casing facts of one unit text.
 *
 * @example
 * unitCase('IRGC').flagInside // 4 (capitals)
 */
export function unitCase(t: string): UnitCase {
  const letter = LETTER_RE.test(t)
  const caseKey = t.toLowerCase()
  const capitals = letter && t.length > 1 && t === t.toUpperCase() && t !== caseKey ? 4 : 0
  const lower = t === caseKey ? 2 : 0
  return {
    letter,
    caseKey,
    flagAtStart: letter ? lower | capitals : 0,
    flagInside: letter ? (lower || (CAP_RE.test(t) ? 1 : 0)) | capitals : 0,
    breaksHeadline: letter && t.length > 1 && LOWER_LETTER_RE.test(t),
    upper: t !== caseKey,
  }
}

/**
 * {@link documentCasing} from the units' casing facts; in a lower-case document (`lowerCase`) its
 * lower-case sentences say nothing about how names are written and are skipped like headlines.
 */
export function documentCasingOf(
  sentences: readonly (readonly UnitCase[])[],
  lowerCase = false,
): DocumentCasing {
  const casing: DocumentCasing = new Map()
  for (const units of sentences) {
    if (isHeadlineOf(units) || (lowerCase && isLowerCaseOf(units))) continue
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as UnitCase
      const flag = i === 0 ? u.flagAtStart : u.flagInside
      if (flag) casing.set(u.caseKey, (casing.get(u.caseKey) ?? 0) | flag)
    }
  }
  return casing
}

/** Capital-letter words this short that the text never writes otherwise are read as acronyms. */
const MAX_UNKNOWN_ACRONYM = 3

/**
 * A headline's words in the case the article body (or, failing that, training text) gives them, so an
 * all-caps title is tagged like a normal sentence: "HEZBOLLAH CAN FIGHT A GROUND WAR" → "Hezbollah can
 * fight a ground war". Words the document writes in capitals stay in capitals ("IRGC"); the first word
 * is capitalised as in any sentence. Non-headlines come back unchanged.
 *
 * @example
 * recaseHeadline(['IRAN', 'SAYS', 'IRGC'], new Map([['irgc', 4]]), new Set(['says'])) // ['Iran', 'says', 'IRGC']
 * // `acronyms`: capital-letter words known from the gazetteers ("NATO"), kept as they are.
 */
export function recaseHeadline(
  texts: readonly string[],
  casing: DocumentCasing,
  commonWords: ReadonlySet<string>,
  acronyms: ReadonlySet<string> = new Set(),
): readonly string[] {
  if (!isHeadline(texts)) return texts
  return texts.map((t, i) => {
    if (!LETTER_RE.test(t)) return t
    const lower = t.toLowerCase()
    const flags = casing.get(lower) ?? 0
    const title = t.charAt(0) + lower.slice(1)
    let out: string
    if (flags & 4 || acronyms.has(t)) out = t
    else if (flags & 1) out = title
    else if (flags & 2 || commonWords.has(lower)) out = lower
    else out = t.length <= MAX_UNKNOWN_ACRONYM ? t : title
    return i === 0 ? out.charAt(0).toUpperCase() + out.slice(1) : out
  })
}

/**
 * Static features of every sentence of a document: document casing first, then headlines recased, then
 * {@link sentenceFeatures} with the casing.
 *
 * @example
 * const perSentence = documentFeatures([['SALAMI', 'SPEAKS'], ['Salami', 'said', '.']], resources)
 */
export function documentFeatures(
  sentences: readonly (readonly string[])[],
  resources: FeatureResources,
): SentenceFeatures[] {
  const units = sentences.map((texts) => texts.map(unitCase))
  const lowerCase = isLowerCaseDocument(units)
  const casing = documentCasingOf(units, lowerCase)
  return sentences.map((texts, s) => {
    const recased = readableTexts(texts, units[s] as UnitCase[], casing, resources, lowerCase)
    return { ...sentenceFeatures(recased, resources, casing), texts: recased }
  })
}

/** Features of one sentence: `features.slice(offsets[i], offsets[i + 1])` belong to unit i. */
export interface SentenceFeatures {
  offsets: Int32Array
  features: Uint32Array
  /** Hash of each unit's lower-cased form (for dynamic features and document history). */
  lowerIds: Uint32Array
  shapeIds: Uint32Array
  /** Whether each unit starts with a capital letter. */
  capitalised: Uint8Array
  /** The unit texts the features were computed from (headlines recased). */
  texts: readonly string[]
}

/** Lower-case text: at least this many letter words and no capital letter. */
const MIN_LOWER_CASE_WORDS = 3

/** Whether a sentence is written without capitals (see recase-lower.ts). */
export function isLowerCaseOf(units: readonly UnitCase[]): boolean {
  let letters = 0
  for (const u of units) {
    if (u.upper) return false
    if (u.letter) letters++
  }
  return letters >= MIN_LOWER_CASE_WORDS
}

/**
 * Whether a document is written in lower case: at least half of its sentences are. A lone lower-case
 * sentence in edited text is a fragment ("won , drawn , lost , goals for") and is left as it is.
 */
export function isLowerCaseDocument(sentences: readonly (readonly UnitCase[])[]): boolean {
  let lower = 0
  let other = 0
  for (const units of sentences) {
    if (isLowerCaseOf(units)) lower++
    else if (units.some((u) => u.letter)) other++
  }
  return lower > 0 && lower >= other
}

/**
 * The texts the tagger reads for a sentence: an all-caps headline, or a lower-case sentence of a
 * lower-case document, recased ({@link recaseHeadline}, {@link recaseLowerCase}); any other as it is.
 */
export function readableTexts(
  texts: readonly string[],
  units: readonly UnitCase[],
  casing: DocumentCasing,
  resources: FeatureResources,
  lowerCaseDocument: boolean,
): readonly string[] {
  if (isHeadlineOf(units))
    return recaseHeadline(texts, casing, resources.commonWords, resources.gazetteer.acronyms)
  if (lowerCaseDocument && isLowerCaseOf(units))
    return recaseLowerCase(texts, resources.gazetteer, resources.commonWords, resources.clusters)
  return texts
}

/** Whether a sentence reads as a headline: it has letters and no lower-case ones among its longer words. */
export function isHeadline(texts: readonly string[]): boolean {
  return isHeadlineOf(texts.map(unitCase))
}

/** {@link isHeadline} from the units' casing facts. */
export function isHeadlineOf(units: readonly UnitCase[]): boolean {
  let letters = 0
  for (const u of units) {
    if (u.breaksHeadline) return false
    if (u.letter) letters++
  }
  return letters >= 2
}

/**
 * What the features need to know about one unit text, independent of its neighbours: computed once per
 * word type and cached by the compiled scorer, or per unit by {@link sentenceFeatures} in training.
 */
export interface WordInfo extends UnitCase {
  /** The unit text. */
  text: string
  /** Lower case of the text with ’ as ' and digits as 0 (the form features read). */
  lower: string
  /** Feature seed of the word as the left half of a bigram ("l-1|l0"), and as the right half's left. */
  bigramLeft: number
  bigramRight: number
  /** {@link hashString} of `lower` and of the word shape. */
  lowerId: number
  shapeId: number
  /** 1 when the text starts with a capital letter. */
  cap: number
  /** Whether the text holds a letter. */
  letter: boolean
  /** Word class per granularity (−1 unknown, −2 for the sentence boundaries). */
  classes: Int32Array
  /** Whether training text writes the word mostly in lower case. */
  common: boolean
  /** Features of the word at its own position (bias, forms, shape, affixes, classes). */
  own: Uint32Array
  /** Features of the word seen from a neighbour at offset −2, −1, +1, +2 (index 0..3). */
  around: Uint32Array[]
}

const NO_CLASSES = new Int32Array(0)
const AROUND = [-2, -1, 1, 2] as const

/**
 * The per-word features of a unit text (or the sentence boundaries "<s>" and "</s>", with `boundary`).
 *
 * @example
 * wordInfo('Tehran', resources).own // hashes of w=Tehran, l=tehran, sh=Xx, p1=t, …
 */
export function wordInfo(text: string, resources: FeatureResources, boundary = false): WordInfo {
  const form = boundary ? text : text.replace(APOSTROPHE_RE, "'").replace(DIGIT_RE, '0')
  const lower = boundary ? text : form.toLowerCase()
  const shape = boundary ? text : wordShape(text)
  const table = resources.clusters
  let classes = NO_CLASSES
  if (table) {
    classes = new Int32Array(table.classes.length).fill(-2)
    if (!boundary) {
      const row = clusterRow(table, form)
      for (let g = 0; g < classes.length; g++)
        classes[g] = row < 0 ? -1 : ((table.classes[g] as Int32Array)[row] as number)
    }
  }
  const own: number[] = []
  if (!boundary) {
    own.push(SEED.bias, hashString(form, SEED.form), hashString(lower, SEED.lower))
    own.push(hashString(shape, SEED.shape))
    for (let k = 1; k <= 4 && k <= lower.length; k++) {
      own.push(hashString(lower.slice(0, k), SEED.prefix[k - 1]))
      own.push(hashString(lower.slice(-k), SEED.suffix[k - 1]))
    }
    for (let g = 0; g < classes.length; g++)
      own.push(hashInts(SEED.cluster[2], g, (classes[g] as number) + 2))
  }
  const around = AROUND.map((d) => {
    const out = [hashString(lower, SEED.lowerAt[d + 2]), hashString(shape, SEED.shapeAt[d + 2])]
    for (let g = 0; g < classes.length; g++)
      out.push(hashInts(SEED.cluster[d + 2] as number, g, (classes[g] as number) + 2))
    return Uint32Array.from(out)
  })
  const unit = boundary ? BOUNDARY_CASE : unitCase(text)
  // The unit's casing facts are copied one by one: an object literal with a spread takes V8's slow
  // path (about 10 µs a word, most of the cost of compiling a new word type).
  return {
    letter: unit.letter,
    caseKey: unit.caseKey,
    flagAtStart: unit.flagAtStart,
    flagInside: unit.flagInside,
    breaksHeadline: unit.breaksHeadline,
    upper: unit.upper,
    text,
    lower,
    bigramLeft: hashString(PAIR_SEPARATOR, hashString(lower, SEED.bigramLeft)),
    bigramRight: hashString(PAIR_SEPARATOR, hashString(lower, SEED.bigramRight)),
    lowerId: hashString(lower),
    shapeId: hashString(shape),
    cap: !boundary && CAP_RE.test(text) ? 1 : 0,
    classes,
    common: !boundary && resources.commonWords.has(lower),
    own: Uint32Array.from(own),
    around,
  }
}

const BOUNDARY_CASE: UnitCase = {
  letter: false,
  caseKey: '',
  flagAtStart: 0,
  flagInside: 0,
  breaksHeadline: false,
  upper: false,
}
const PAIR_SEPARATOR = '\u0002'
const APOSTROPHE_RE = /’/g

/** The sentence boundaries as neighbours: "<s>" before the first unit, "</s>" after the last. */
export function boundaryInfos(resources: FeatureResources): { before: WordInfo; after: WordInfo } {
  return { before: wordInfo('<s>', resources, true), after: wordInfo('</s>', resources, true) }
}

/** The position feature of a gazetteer hit (list, BILOU position, cased) at offset −1, 0 or +1. */
export function gazetteerFeature(offset: number, hit: number): number {
  return hashInts(SEED.gazetteer[offset + 1] as number, hit >> 1)
}

/** The cased gazetteer feature of a hit on the unit itself. */
export function gazetteerCasedFeature(hit: number): number {
  return hashInts(SEED.gazetteerCased, hit)
}

/**
 * Gazetteer hits per unit: `list * 8 + position * 2 + cased` for every match covering the unit (position:
 * 0 first, 1 inside, 2 last, 3 whole; cased when every letter word of the match is capitalised).
 */
export function gazetteerHits(
  texts: readonly string[],
  words: readonly Pick<WordInfo, 'cap' | 'letter'>[],
  gazetteer: Gazetteer,
  keys?: readonly string[],
): (number[] | null)[] {
  const hits: (number[] | null)[] = new Array<number[] | null>(texts.length).fill(null)
  for (const m of keys ? gazetteer.matchKeys(keys, texts) : gazetteer.match(texts)) {
    let cased = 1
    for (let k = m.start; k < m.end; k++) {
      const w = words[k] as Pick<WordInfo, 'cap' | 'letter'>
      if (!w.cap && w.letter) cased = 0
    }
    for (let k = m.start; k < m.end; k++) {
      const position = m.end - m.start === 1 ? 3 : k === m.start ? 0 : k === m.end - 1 ? 2 : 1
      ;(hits[k] ??= []).push(m.list * 8 + position * 2 + cased)
    }
  }
  return hits
}

/** Capitalisation pattern feature: each of −1, 0, +1 is 0 (lower), 1 (capital) or 2 (boundary). */
export function capPatternFeature(before: number, self: number, after: number): number {
  return hashInts(SEED.capPattern, before, self, after)
}

/** How the document writes the word, with the unit's own casing and the headline flag. */
export function docCaseFeature(flags: number, capFirst: number, headline: number): number {
  return hashInts(SEED.docCase, flags, capFirst, headline)
}

/** A common word, with its capitalisation and the headline flag. */
export function commonFeatures(cap: number, headline: number): [number, number] {
  return [SEED.common, hashInts(SEED.commonCap, cap, headline)]
}

/** Features of a headline's word (beyond the per-word ones). */
export function headlineFeatures(lower: string): [number, number] {
  return [SEED.headline, hashString(lower, SEED.headlineLower)]
}

/** Features of the first unit of a sentence. */
export function firstFeatures(shapeOf: string): [number, number] {
  return [SEED.first, hashString(shapeOf, SEED.firstShape)]
}

/** Word-class pair of a unit and the next (granularity 0). */
export function clusterPairFeature(self: number, next: number): number {
  return hashInts(SEED.clusterPair, self + 2, next + 2)
}

/** Bigram features continue a neighbour's seed over this word ("l-1|l0" = left seed + own lower case). */
export function bigramFeature(seed: number, lower: string): number {
  return hashString(lower, seed)
}

/**
 * Static features of every unit of one sentence.
 *
 * @example
 * const f = sentenceFeatures(['Hossein', 'Salami', 'said'], resources)
 * f.features.slice(f.offsets[0], f.offsets[1]) // hashes of the first unit's features
 */
export function sentenceFeatures(
  texts: readonly string[],
  resources: FeatureResources,
  casing?: DocumentCasing,
): SentenceFeatures {
  const n = texts.length
  const words = texts.map((t) => wordInfo(t, resources))
  const { before, after } = boundaryInfos(resources)
  const wordAt = (k: number): WordInfo => (k < 0 ? before : k >= n ? after : (words[k] as WordInfo))
  const headline = isHeadline(texts) ? 1 : 0
  const hits = gazetteerHits(texts, words, resources.gazetteer)
  const out: number[] = []
  const offsets = new Int32Array(n + 1)
  const capAt = (k: number): number => (k < 0 || k >= n ? 2 : (words[k] as WordInfo).cap)
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length
    const w = words[i] as WordInfo
    for (const f of w.own) out.push(f)
    AROUND.forEach((d, a) => {
      for (const f of wordAt(i + d).around[a] as Uint32Array) out.push(f)
    })
    out.push(bigramFeature(wordAt(i - 1).bigramLeft, w.lower))
    out.push(bigramFeature(w.bigramRight, wordAt(i + 1).lower))
    out.push(capPatternFeature(capAt(i - 1), w.cap, capAt(i + 1)))
    if (headline) out.push(...headlineFeatures(w.lower))
    if (casing && w.letter) {
      out.push(docCaseFeature(casing.get(w.lower) ?? 0, w.cap + (i === 0 ? 2 : 0), headline))
    }
    if (i === 0) out.push(...firstFeatures(wordShape(w.text)))
    if (w.common) out.push(...commonFeatures(w.cap, headline))
    if (w.classes.length > 0) {
      out.push(clusterPairFeature(w.classes[0] as number, wordAt(i + 1).classes[0] as number))
    }
    for (let d = -1; d <= 1; d++) {
      for (const hit of hits[i + d] ?? []) {
        out.push(gazetteerFeature(d, hit))
        if (d === 0) out.push(gazetteerCasedFeature(hit))
      }
    }
  }
  offsets[n] = out.length
  const lowerIds = new Uint32Array(n)
  const shapeIds = new Uint32Array(n)
  const capitalised = new Uint8Array(n)
  words.forEach((w, i) => {
    lowerIds[i] = w.lowerId
    shapeIds[i] = w.shapeId
    capitalised[i] = w.cap
  })
  return { offsets, features: Uint32Array.from(out), lowerIds, shapeIds, capitalised, texts }
}

/** What document history and context read of a sentence's units. */
export type UnitKeys = Pick<SentenceFeatures, 'lowerIds' | 'capitalised'>

/** Labels the same word form got earlier in the document, by type (reset per document). */
export type DocumentHistory = Map<number, Int32Array>

/**
 * The key of a word in a {@link DocumentHistory}: its lower-case hash cut to 30 bits. V8 keeps integers
 * of up to 30 bits unboxed; a Map keyed by the full 32-bit hash boxed every key it was asked for.
 */
export function historyKey(lowerId: number): number {
  return lowerId & 0x3fffffff
}

/**
 * Dynamic feature ids by their small-integer arguments: labels shifted by one (0 = before the sentence),
 * `lower`/`shape` are {@link WordInfo.lowerId}/{@link WordInfo.shapeId}, `type` is 0 for none, t + 1 for t.
 */
export const labelFeature = {
  prev1: (label: number): number => hashInts(SEED.prev1, label),
  prev2: (label: number): number => hashInts(SEED.prev2, label),
  prev12: (label1: number, label2: number): number => hashInts(SEED.prev12, label1, label2),
  prev1Lower: (label: number, lower: number): number =>
    hashInts(SEED.prev1Lower, label, lower & 0xffff, lower >>> 16),
  prev1Shape: (label: number, shape: number): number =>
    hashInts(SEED.prev1Shape, label, shape & 0xffff, shape >>> 16),
  history: (type: number): number => hashInts(SEED.history, type),
  context: (type: number): number => hashInts(SEED.context, type),
}

/**
 * Appends the dynamic features of unit `i` to `out` (from index `count`) and returns the new count.
 * `prev1`/`prev2` are the labels of the two previous units (−1 before the sentence start).
 */
export function dynamicFeatures(
  f: SentenceFeatures,
  i: number,
  prev1: number,
  prev2: number,
  history: DocumentHistory,
  out: Uint32Array,
  count: number,
  context?: Int32Array,
): number {
  let c = count
  const lower = f.lowerIds[i] as number
  out[c++] = labelFeature.prev1(prev1 + 1)
  out[c++] = labelFeature.prev2(prev2 + 1)
  out[c++] = labelFeature.prev12(prev1 + 1, prev2 + 1)
  out[c++] = labelFeature.prev1Lower(prev1 + 1, lower)
  out[c++] = labelFeature.prev1Shape(prev1 + 1, f.shapeIds[i] as number)
  const seen = f.capitalised[i] ? history.get(historyKey(lower)) : undefined
  if (seen) out[c++] = labelFeature.history(mostFrequent(seen) + 1)
  if (context && (context[i] as number) >= 0) out[c++] = labelFeature.context(context[i] as number)
  return c
}

/** Index of the largest count (the first on ties), −1 when all are 0. */
export function mostFrequent(counts: Int32Array): number {
  let best = -1
  let bestCount = 0
  for (let t = 0; t < counts.length; t++) {
    if ((counts[t] as number) > bestCount) {
      bestCount = counts[t] as number
      best = t
    }
  }
  return best
}

/** Records that unit `i` (if capitalised) was labelled with entity type `type` (−1 for none). */
export function recordHistory(
  f: UnitKeys,
  i: number,
  type: number,
  typeCount: number,
  history: DocumentHistory,
): void {
  if (!f.capitalised[i]) return
  const key = historyKey(f.lowerIds[i] as number)
  let counts = history.get(key)
  if (!counts) {
    counts = new Int32Array(typeCount + 1)
    history.set(key, counts)
  }
  counts[type + 1] = (counts[type + 1] as number) + 1
}

/** Upper bound on dynamic features per unit, for buffer sizing. */
export const MAX_DYNAMIC_FEATURES = 7

/**
 * Two-stage context (Ratinov & Roth 2009, "prediction aggregation"): for each capitalised unit, the label
 * type (0 = none, t + 1 = type t) that a first pass gave most often to the OTHER occurrences of the same
 * word in the document, before and after it; -1 when the word occurs nowhere else.
 *
 * @example
 * const context = documentContext(features, firstPassTypes, 4)
 */
export function documentContext(
  features: readonly UnitKeys[],
  unitTypes: readonly Int32Array[],
  typeCount: number,
): Int32Array[] {
  const counts = new Map<number, Int32Array>()
  features.forEach((f, s) => {
    const types = unitTypes[s] as Int32Array
    for (let i = 0; i < types.length; i++) {
      if (!f.capitalised[i]) continue
      const key = historyKey(f.lowerIds[i] as number)
      let c = counts.get(key)
      if (!c) {
        c = new Int32Array(typeCount + 1)
        counts.set(key, c)
      }
      c[(types[i] as number) + 1] = (c[(types[i] as number) + 1] as number) + 1
    }
  })
  return features.map((f, s) => {
    const types = unitTypes[s] as Int32Array
    const out = new Int32Array(types.length).fill(-1)
    for (let i = 0; i < types.length; i++) {
      if (!f.capitalised[i]) continue
      const c = counts.get(historyKey(f.lowerIds[i] as number)) as Int32Array
      const own = (types[i] as number) + 1
      let best = -1
      let bestCount = 0
      for (let t = 0; t <= typeCount; t++) {
        const n = (c[t] as number) - (t === own ? 1 : 0)
        if (n > bestCount) {
          bestCount = n
          best = t
        }
      }
      out[i] = best
    }
    return out
  })
}
