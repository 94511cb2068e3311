/**
 * 32-bit FNV-1a string hashing for feature ids (feature hashing: no string table at inference, Weinberger
 * et al. 2009). Templates hash to a seed once; a value then continues from that seed, so a feature id costs
 * one pass over the value and no string concatenation.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * FNV-1a over the UTF-16 code units of `text`, continuing from `seed` (the offset basis by default).
 *
 * @example
 * const seed = hashString('w=')
 * hashString('Iran', seed) // the id of feature "w=Iran"
 */
export function hashString(text: string, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, FNV_PRIME)
  }
  return h >>> 0
}

/**
 * Mixes small integers (label ids, positions) into a seed: the same FNV step, one "code unit" per int.
 *
 * @example
 * hashInts(hashString('t-1='), 3) // feature "previous label is label 3"
 */
export function hashInts(seed: number, a: number, b = 0, c = 0): number {
  let h = seed >>> 0
  h = Math.imul(h ^ (a & 0xffff), FNV_PRIME)
  h = Math.imul(h ^ ((a >>> 16) & 0xffff), FNV_PRIME)
  h = Math.imul(h ^ (b & 0xffff), FNV_PRIME)
  h = Math.imul(h ^ (c & 0xffff), FNV_PRIME)
  return h >>> 0
}
