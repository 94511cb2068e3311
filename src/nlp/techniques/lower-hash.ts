/**
 * Hashes of lower-cased text ranges, computed straight from the frozen text: no substring, no
 * `toLowerCase()` per token (STYLE §6.9). Feature ids are FNV-1a hashes (feature hashing, Weinberger et
 * al. 2009), so inference needs no string table.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * Lower-case map for every UTF-16 code unit, built once. Curly apostrophes fold to `'` so "don’t" and
 * "don't" are one word; characters whose lower case is longer than one unit keep their own code.
 */
const LOWER: Uint16Array = (() => {
  const table = new Uint16Array(65536)
  for (let c = 0; c < 65536; c++) {
    const lower = String.fromCharCode(c).toLowerCase()
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : c
  }
  table[0x2019] = 0x27
  table[0x2018] = 0x27
  return table
})()

/**
 * FNV-1a of `text.slice(start, end)` lower-cased, continuing from `seed`.
 *
 * @example
 * hashLower('The Regime', 4, 10) === hashLower('regime', 0, 6) // true
 */
export function hashLower(text: string, start: number, end: number, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0
  for (let i = start; i < end; i++) {
    h ^= LOWER[text.charCodeAt(i)] as number
    h = Math.imul(h, FNV_PRIME)
  }
  return h >>> 0
}

/**
 * FNV-1a of a whole string lower-cased (lexicon entries at load time).
 *
 * @example
 * hashWord('Regime') === hashLower('regime', 0, 6) // true
 */
export function hashWord(word: string): number {
  return hashLower(word, 0, word.length)
}

/**
 * Mixes two 32-bit ints into one feature id (template id, value hash); a murmur3-style finaliser so
 * nearby template ids do not collide in the low bits that index the weight table.
 *
 * @example
 * mix(3, hashWord('regime')) // the id of "word = regime" under template 3
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * Whether a code unit is an upper-case letter (its lower case differs).
 *
 * @example
 * isUpperUnit('Z'.charCodeAt(0)) // true
 */
export function isUpperUnit(c: number): boolean {
  return LOWER[c] !== c && c !== 0x2019 && c !== 0x2018
}
