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
  const casing: DocumentCasing = new Map()
  for (const texts of sentences) {
    if (isHeadline(texts)) continue
    texts.forEach((t, i) => {
      if (!LETTER_RE.test(t)) return
      const lower = t.toLowerCase()
      let flag = t === lower ? 2 : i > 0 && CAP_RE.test(t) ? 1 : 0
      if (t.length > 1 && t === t.toUpperCase() && t !== lower) flag |= 4
      if (flag) casing.set(lower, (casing.get(lower) ?? 0) | flag)
    })
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
  const casing = documentCasing(sentences)
  return sentences.map((texts) => {
    const recased = recaseHeadline(texts, casing, resources.commonWords, resources.gazetteer.acronyms)
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

/** Whether a sentence reads as a headline: it has letters and no lower-case ones among its longer words. */
function isHeadline(texts: readonly string[]): boolean {
  let letters = 0
  for (const t of texts) {
    if (!LETTER_RE.test(t)) continue
    letters++
    if (t.length > 1 && LOWER_LETTER_RE.test(t)) return false
  }
  return letters >= 2
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
  const forms = texts.map((t) => t.replace(/’/g, "'").replace(DIGIT_RE, '0'))
  const lowers = forms.map((t) => t.toLowerCase())
  const shapes = texts.map(wordShape)
  const caps = texts.map((t) => (CAP_RE.test(t) ? 1 : 0))
  const lowerIds = new Uint32Array(n)
  const shapeIds = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    lowerIds[i] = hashString(lowers[i] as string)
    shapeIds[i] = hashString(shapes[i] as string)
  }
  const headline = isHeadline(texts)
  const table = resources.clusters
  const rows = table ? forms.map((form) => clusterRow(table, form)) : []
  const classAt = (g: number, k: number): number => {
    if (k < 0 || k >= n) return -2
    const row = rows[k] as number
    return row < 0 ? -1 : (((table as WordClassTable).classes[g] as Int32Array)[row] as number)
  }

  // Gazetteer hits: per unit, the (list, position, cased) triples of every match covering it.
  const hits: number[][] = Array.from({ length: n }, () => [])
  for (const m of resources.gazetteer.match(texts)) {
    let cased = 1
    for (let k = m.start; k < m.end; k++) if (!caps[k] && LETTER_RE.test(texts[k] as string)) cased = 0
    for (let k = m.start; k < m.end; k++) {
      const position = m.end - m.start === 1 ? 3 : k === m.start ? 0 : k === m.end - 1 ? 2 : 1
      ;(hits[k] as number[]).push(m.list * 8 + position * 2 + cased)
    }
  }

  const out: number[] = []
  const offsets = new Int32Array(n + 1)
  const at = (arr: readonly string[], i: number): string =>
    i < 0 ? '<s>' : i >= n ? '</s>' : (arr[i] as string)
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length
    const form = forms[i] as string
    const lower = lowers[i] as string
    out.push(SEED.bias, hashString(form, SEED.form), hashString(lower, SEED.lower))
    out.push(hashString(shapes[i] as string, SEED.shape))
    for (let k = 1; k <= 4 && k <= lower.length; k++) {
      out.push(hashString(lower.slice(0, k), SEED.prefix[k - 1]))
      out.push(hashString(lower.slice(-k), SEED.suffix[k - 1]))
    }
    for (let d = -2; d <= 2; d++) {
      if (d === 0) continue
      out.push(hashString(at(lowers, i + d), SEED.lowerAt[d + 2]))
      out.push(hashString(at(shapes, i + d), SEED.shapeAt[d + 2]))
    }
    out.push(hashString(`${at(lowers, i - 1)}\u0002${lower}`, SEED.bigramLeft))
    out.push(hashString(`${lower}\u0002${at(lowers, i + 1)}`, SEED.bigramRight))
    const capAt = (k: number): number => (k < 0 || k >= n ? 2 : (caps[k] as number))
    out.push(hashInts(SEED.capPattern, capAt(i - 1), capAt(i), capAt(i + 1)))
    if (headline) {
      out.push(SEED.headline, hashString(lower, SEED.headlineLower))
    }
    if (casing && LETTER_RE.test(texts[i] as string)) {
      const flags = casing.get(lower) ?? 0
      out.push(hashInts(SEED.docCase, flags, (caps[i] as number) + (i === 0 ? 2 : 0), headline ? 1 : 0))
    }
    if (i === 0) out.push(SEED.first, hashString(shapes[i] as string, SEED.firstShape))
    if (resources.commonWords.has(lower)) {
      out.push(SEED.common, hashInts(SEED.commonCap, caps[i] as number, headline ? 1 : 0))
    }
    if (table) {
      for (let g = 0; g < table.classes.length; g++) {
        for (let d = -2; d <= 2; d++)
          out.push(hashInts(SEED.cluster[d + 2] as number, g, classAt(g, i + d) + 2))
      }
      out.push(hashInts(SEED.clusterPair, classAt(0, i) + 2, classAt(0, i + 1) + 2))
    }
    for (let d = -1; d <= 1; d++) {
      const k = i + d
      if (k < 0 || k >= n) continue
      for (const hit of hits[k] as number[]) {
        out.push(hashInts(SEED.gazetteer[d + 1] as number, hit >> 1))
        if (d === 0) out.push(hashInts(SEED.gazetteerCased, hit))
      }
    }
  }
  offsets[n] = out.length
  return {
    offsets,
    features: Uint32Array.from(out),
    lowerIds,
    shapeIds,
    capitalised: Uint8Array.from(caps),
    texts,
  }
}

/** Labels the same word form got earlier in the document, by type (reset per document). */
export type DocumentHistory = Map<number, Int32Array>

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
  out[c++] = hashInts(SEED.prev1, prev1 + 1)
  out[c++] = hashInts(SEED.prev2, prev2 + 1)
  out[c++] = hashInts(SEED.prev12, prev1 + 1, prev2 + 1)
  out[c++] = hashInts(SEED.prev1Lower, prev1 + 1, lower & 0xffff, lower >>> 16)
  out[c++] = hashInts(
    SEED.prev1Shape,
    prev1 + 1,
    (f.shapeIds[i] as number) & 0xffff,
    (f.shapeIds[i] as number) >>> 16,
  )
  const seen = f.capitalised[i] ? history.get(lower) : undefined
  if (seen) {
    let best = -1
    let bestCount = 0
    for (let t = 0; t < seen.length; t++) {
      if ((seen[t] as number) > bestCount) {
        bestCount = seen[t] as number
        best = t
      }
    }
    out[c++] = hashInts(SEED.history, best + 1)
  }
  if (context && (context[i] as number) >= 0) out[c++] = hashInts(SEED.context, context[i] as number)
  return c
}

/** Records that unit `i` (if capitalised) was labelled with entity type `type` (−1 for none). */
export function recordHistory(
  f: SentenceFeatures,
  i: number,
  type: number,
  typeCount: number,
  history: DocumentHistory,
): void {
  if (!f.capitalised[i]) return
  const lower = f.lowerIds[i] as number
  let counts = history.get(lower)
  if (!counts) {
    counts = new Int32Array(typeCount + 1)
    history.set(lower, counts)
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
  features: readonly SentenceFeatures[],
  unitTypes: readonly Int32Array[],
  typeCount: number,
): Int32Array[] {
  const counts = new Map<number, Int32Array>()
  features.forEach((f, s) => {
    const types = unitTypes[s] as Int32Array
    for (let i = 0; i < types.length; i++) {
      if (!f.capitalised[i]) continue
      const key = f.lowerIds[i] as number
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
      const c = counts.get(f.lowerIds[i] as number) as Int32Array
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
