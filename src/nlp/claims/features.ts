/**
 * Features of one statement for the check-worthiness model, computed from its text alone, so training (on
 * bare sentences from debates and tweets) and inference (on attribution contents and outlet sentences)
 * see exactly the same thing. What makes a statement worth checking is mostly lexical: numbers,
 * quantities, comparisons, named things and past-tense assertions raise it; opinions, questions,
 * greetings, hedged or first-person feelings lower it (Hassan et al. 2017, ClaimBuster).
 */
import { hashInts, hashString } from '../learn/hash.js'

const DIGIT = /\d/
const YEAR = /^(?:1[89]\d\d|20\d\d)s?$/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const QUANTITY_WORDS = new Set([
  'million',
  'billion',
  'trillion',
  'thousand',
  'hundred',
  'percent',
  'per',
  'dollars',
  'half',
  'twice',
  'double',
  'tripled',
  'doubled',
])

const SEED = {
  bias: hashString('bias'),
  word: hashString('w='),
  bigram: hashString('b='),
  first: hashString('first='),
  shape: hashString('shape='),
  length: hashString('len='),
  capitals: hashString('caps='),
  numbers: hashString('nums='),
}

/** A token's normalised form: numbers by kind ("<year>", "<num>"), everything else lower-cased. */
function normalise(token: string): string {
  if (!DIGIT.test(token)) return token.toLowerCase()
  return YEAR.test(token) ? '<year>' : '<num>'
}

function bucket(n: number, edges: readonly number[]): number {
  let b = 0
  while (b < edges.length && n >= (edges[b] as number)) b++
  return b
}

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  return LETTER_OR_DIGIT.test(String.fromCharCode(code))
}

/** Characters that join two word parts into one token: "don't", "4.1", "45,756". */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 44
}

/** Symbols that are tokens of their own: $ € £ % ? ! */
function isSymbol(code: number): boolean {
  return code === 36 || code === 0x20ac || code === 0xa3 || code === 37 || code === 63 || code === 33
}

/**
 * Calls `onToken` for each token of `text`: runs of letters and digits, joined across an apostrophe,
 * period or comma between two of them, and the symbols $ € £ % ? ! on their own. A hand-written scanner:
 * a Unicode regular expression with matchAll cost twice as much per statement.
 */
export function forEachToken(text: string, onToken: (token: string) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    if (isWordChar(code)) {
      let end = i + 1
      for (;;) {
        if (end < n && isWordChar(text.charCodeAt(end))) end++
        else if (end + 1 < n && isJoiner(text.charCodeAt(end)) && isWordChar(text.charCodeAt(end + 1)))
          end += 2
        else break
      }
      onToken(text.slice(i, end))
      i = end
    } else {
      if (isSymbol(code)) onToken(text[i] as string)
      i++
    }
  }
}

/**
 * The hashed features of a statement, appended to `out` (cleared first); returns their count.
 *
 * @example
 * const out: number[] = []
 * statementFeatures('Unemployment fell to 4.1 percent in 2017.', out) // bias, words, bigrams, shapes…
 */
export function statementFeatures(text: string, out: number[]): number {
  out.length = 0
  out.push(SEED.bias)
  let previous = hashString('<s>')
  let count = 0
  let capitals = 0
  let numbers = 0
  let quantity = false
  forEachToken(text, (token) => {
    const norm = normalise(token)
    const word = hashString(norm)
    if (count === 0) out.push(hashInts(SEED.first, word))
    else {
      const first = token.charCodeAt(0)
      if (first >= 65 && first <= 90) capitals++
    }
    if (norm === '<num>' || norm === '<year>') numbers++
    if (QUANTITY_WORDS.has(norm) || token === '%' || token === '$' || token === '€' || token === '£')
      quantity = true
    out.push(hashInts(SEED.word, word))
    // hashInts takes 32 bits of its first value only: chain the two words
    out.push(hashInts(hashInts(SEED.bigram, previous), word))
    previous = word
    count++
  })
  out.push(hashInts(SEED.length, bucket(count, [5, 10, 18, 30, 50])))
  out.push(hashInts(SEED.capitals, bucket(capitals, [1, 2, 4])))
  out.push(hashInts(SEED.numbers, bucket(numbers, [1, 2, 4])))
  if (quantity) out.push(hashString('quantity', SEED.shape))
  if (numbers > 0 && quantity) out.push(hashString('number+quantity', SEED.shape))
  return out.length
}

/** Word count as the features see it (units shorter than a few words are not statements). */
export function wordCount(text: string): number {
  let n = 0
  forEachToken(text, (token) => {
    if (!isSymbol(token.charCodeAt(0))) n++
  })
  return n
}
