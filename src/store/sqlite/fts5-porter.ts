/**
 * The Porter stemmer as SQLite's FTS5 `porter` tokenizer applies it, so that terms made in JavaScript
 * are the index's terms to the letter (`fts5-terms.ts`). Porter's 1980 algorithm, with the choices
 * FTS5 makes where implementations differ:
 * - it works on a token's UTF-8 bytes: only tokens of 3 to 64 bytes are stemmed, and a non-ASCII byte
 *   is a consonant;
 * - "y" is a vowel after a consonant when measuring a stem, but never when step 1b looks for a double
 *   consonant ("seyyed" → "seyy" → "sey" → "sei"; the `stemmer` package gives "seyi");
 * - step 2 has Porter's later "logi" → "log" and "bli" → "ble" (for "abli" → "able");
 * - in each step the first suffix that ends the word decides: should its condition fail, no shorter
 *   suffix is tried.
 */

/** FTS5 stems tokens of this many bytes at most (FTS5_PORTER_MAX_TOKEN). */
const MAX_BYTES = 64
const NOT_ASCII = /[\u0080-\uffff]/

type Condition = (stem: string) => boolean
/** A rule: the suffix, the condition on what comes before it, what replaces it. */
type Rule = [suffix: string, condition: Condition, replacement: string]

const isVowel = (c: string, yIsVowel: boolean): boolean =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y')

/**
 * Past the first vowel-consonant sequence of `stem` from `from` on: the index after its consonant, or
 * 0 when there is none. `consonantBefore` says whether the letter before `from` was a consonant (a
 * "y" after a consonant is a vowel).
 */
function pastVC(stem: string, from: number, consonantBefore: boolean): number {
  let consonant = consonantBefore
  let i = from
  for (; i < stem.length; i++) {
    consonant = !isVowel(stem[i] as string, consonant)
    if (!consonant) break
  }
  for (i++; i < stem.length; i++) {
    consonant = !isVowel(stem[i] as string, consonant)
    if (consonant) return i + 1
  }
  return 0
}

/** Porter's m > 0: the stem holds a vowel followed by a consonant. */
const mOver0: Condition = (stem) => pastVC(stem, 0, false) > 0
/** m > 1. */
const mOver1: Condition = (stem) => {
  const next = pastVC(stem, 0, false)
  return next > 0 && pastVC(stem, next, true) > 0
}
/** m = 1. */
const mIs1: Condition = (stem) => {
  const next = pastVC(stem, 0, false)
  return next > 0 && pastVC(stem, next, true) === 0
}
/** *v*: a vowel anywhere ("y" counting as one but for the first letter). */
const hasVowel: Condition = (stem) => {
  for (let i = 0; i < stem.length; i++) if (isVowel(stem[i] as string, i > 0)) return true
  return false
}
/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
const endsCVC: Condition = (stem) => {
  const last = stem[stem.length - 1]
  if (last === undefined || last === 'w' || last === 'x' || last === 'y') return false
  let mask = 0
  let consonant = false
  for (let i = 0; i < stem.length; i++) {
    consonant = !isVowel(stem[i] as string, consonant)
    mask = ((mask << 1) | (consonant ? 1 : 0)) & 7
  }
  return stem.length >= 3 && mask === 5
}
const mOver1AndSorT: Condition = (stem) => /[st]$/.test(stem) && mOver1(stem)

const STEP_2: Rule[] = [
  ['ational', mOver0, 'ate'],
  ['tional', mOver0, 'tion'],
  ['enci', mOver0, 'ence'],
  ['anci', mOver0, 'ance'],
  ['izer', mOver0, 'ize'],
  ['logi', mOver0, 'log'],
  ['bli', mOver0, 'ble'],
  ['alli', mOver0, 'al'],
  ['entli', mOver0, 'ent'],
  ['eli', mOver0, 'e'],
  ['ousli', mOver0, 'ous'],
  ['ization', mOver0, 'ize'],
  ['ation', mOver0, 'ate'],
  ['ator', mOver0, 'ate'],
  ['alism', mOver0, 'al'],
  ['iveness', mOver0, 'ive'],
  ['fulness', mOver0, 'ful'],
  ['ousness', mOver0, 'ous'],
  ['aliti', mOver0, 'al'],
  ['iviti', mOver0, 'ive'],
  ['biliti', mOver0, 'ble'],
]
const STEP_3: Rule[] = [
  ['ical', mOver0, 'ic'],
  ['ness', mOver0, ''],
  ['icate', mOver0, 'ic'],
  ['iciti', mOver0, 'ic'],
  ['ful', mOver0, ''],
  ['ative', mOver0, ''],
  ['alize', mOver0, 'al'],
]
const STEP_4: Rule[] = [
  ['al', mOver1, ''],
  ['ance', mOver1, ''],
  ['ence', mOver1, ''],
  ['er', mOver1, ''],
  ['ic', mOver1, ''],
  ['able', mOver1, ''],
  ['ible', mOver1, ''],
  ['ant', mOver1, ''],
  ['ement', mOver1, ''],
  ['ment', mOver1, ''],
  ['ent', mOver1, ''],
  ['ion', mOver1AndSorT, ''],
  ['ou', mOver1, ''],
  ['ism', mOver1, ''],
  ['ate', mOver1, ''],
  ['iti', mOver1, ''],
  ['ous', mOver1, ''],
  ['ive', mOver1, ''],
  ['ize', mOver1, ''],
]

/**
 * Applies the first rule whose suffix ends the word and leaves something before it (the word must be
 * longer than the suffix). Returns the word, and whether a rule's condition held.
 */
function applyFirst(word: string, rules: Rule[]): [string, boolean] {
  for (const [suffix, condition, replacement] of rules) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue
    const stem = word.slice(0, -suffix.length)
    return condition(stem) ? [stem + replacement, true] : [word, false]
  }
  return [word, false]
}

/** Step 1a: plurals. */
function step1a(word: string): string {
  if (!word.endsWith('s')) return word
  if (word.endsWith('es')) {
    const drop = (word.length > 4 && word.endsWith('sses')) || (word.length > 3 && word.endsWith('ies'))
    return word.slice(0, drop ? -2 : -1)
  }
  return word.endsWith('ss') ? word : word.slice(0, -1)
}

/** Step 1b: -ed and -ing, then the stem's ending mended ("hopp" → "hop", "hop" → "hope"). */
function step1b(word: string): string {
  // "-eed" → "-ee" is the whole of the step; "-ed" and "-ing" go on to mend the stem.
  if (word.length > 3 && word.endsWith('eed')) return mOver0(word.slice(0, -3)) ? word.slice(0, -1) : word
  const cutting = (word.length > 2 && word.endsWith('ed')) || (word.length > 3 && word.endsWith('ing'))
  const cut = cutting ? word.slice(0, word.endsWith('ed') ? -2 : -3) : word
  if (cut === word || !hasVowel(cut)) return word
  for (const [short, long] of [
    ['at', 'ate'],
    ['bl', 'ble'],
    ['iz', 'ize'],
  ] as const) {
    if (cut.length > 2 && cut.endsWith(short)) return cut.slice(0, -2) + long
  }
  const last = cut[cut.length - 1] as string
  if (!isVowel(last, false) && last !== 'l' && last !== 's' && last !== 'z' && last === cut[cut.length - 2])
    return cut.slice(0, -1)
  return mIs1(cut) && endsCVC(cut) ? `${cut}e` : cut
}

/** The stem of one case-folded ASCII-or-byte token (see the module's comment). */
function stemBytes(word: string): string {
  let w = step1a(word)
  w = step1b(w)
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`
  w = applyFirst(w, STEP_2)[0]
  w = applyFirst(w, STEP_3)[0]
  w = applyFirst(w, STEP_4)[0]
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1)
    if (mOver1(stem) || (mIs1(stem) && !endsCVC(stem))) w = stem
  }
  if (w.length > 1 && w.endsWith('ll') && mOver1(w.slice(0, -1))) w = w.slice(0, -1)
  return w
}

/**
 * FTS5's porter term of a case-folded token.
 *
 * @example porterStem('ministers') // 'minist'
 */
export function porterStem(token: string): string {
  if (!NOT_ASCII.test(token)) {
    return token.length < 3 || token.length > MAX_BYTES ? token : stemBytes(token)
  }
  // One character a byte, as FTS5 sees the token, and back.
  const bytes = Buffer.from(token, 'utf8')
  if (bytes.length < 3 || bytes.length > MAX_BYTES) return token
  return Buffer.from(stemBytes(bytes.toString('latin1')), 'latin1').toString('utf8')
}
