/**
 * Word priors: for a few lexical techniques, how often a word was inside a span of that technique in
 * the training data, as a 4-bit rate bucket per technique packed into one u32 (the "loadedness" lookup
 * of the methods note §3.4 and aschern's train-lookup rule). Training computes them cross-fitted (each
 * document sees priors from the other folds only) so the tagger learns how far to trust them.
 */
import type { TechniqueName } from './model.js'

/** The techniques with a prior, in slot order (slot s uses bits 4s..4s+3). */
export const PRIOR_TECHNIQUES: readonly TechniqueName[] = [
  'loaded_language',
  'name_calling_labeling',
  'repetition',
  'exaggeration_minimisation',
  'flag_waving',
  'doubt',
  'appeal_to_fear_prejudice',
  'slogans',
]

/** A word needs this many training occurrences before its rate means anything. */
export const PRIOR_MIN_COUNT = 3

/**
 * The rate bucket: 1 seen but (almost) never labelled, up to 5 labelled at least half of the time.
 *
 * @example
 * rateBucket(4, 8) // 5
 */
export function rateBucket(labelled: number, total: number): number {
  const r = labelled / total
  return r < 0.05 ? 1 : r < 0.15 ? 2 : r < 0.3 ? 3 : r < 0.5 ? 4 : 5
}

/**
 * Packs per-slot counts into the u32 value; 0 when the word is too rare.
 *
 * @example
 * packPriors([3, 0, 0, 0, 0, 0, 0, 0], 6) // 4 (loaded_language bucket 4)
 */
export function packPriors(labelled: ArrayLike<number>, total: number): number {
  if (total < PRIOR_MIN_COUNT) return 0
  let packed = 0
  for (let s = 0; s < PRIOR_TECHNIQUES.length; s++)
    packed |= rateBucket(labelled[s] as number, total) << (4 * s)
  return packed >>> 0
}

/**
 * Encodes (hash, packed) pairs sorted by hash: u32 count, then the pairs (little-endian).
 *
 * @example
 * encodePriors(new Map([[123, 4]]))
 */
export function encodePriors(priors: ReadonlyMap<number, number>): Uint8Array {
  const keys = [...priors.keys()].sort((a, b) => a - b)
  const bytes = new Uint8Array(4 + keys.length * 8)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, keys.length, true)
  keys.forEach((key, j) => {
    view.setUint32(4 + j * 8, key, true)
    view.setUint32(8 + j * 8, priors.get(key) as number, true)
  })
  return bytes
}

/**
 * Decodes {@link encodePriors} output.
 *
 * @example
 * decodePriors(encodePriors(new Map([[123, 4]]))).get(123) // 4
 */
export function decodePriors(bytes: Uint8Array): Map<number, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = view.getUint32(0, true)
  if (bytes.byteLength !== 4 + n * 8) throw new Error('CT0902: technique priors file is truncated')
  const out = new Map<number, number>()
  for (let j = 0; j < n; j++) out.set(view.getUint32(4 + j * 8, true), view.getUint32(8 + j * 8, true))
  return out
}
