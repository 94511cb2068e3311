/**
 * Cue lexicon: one bit mask per lower-cased word, one bit per cue class. Built by
 * `claimtrail train techniques` into data/techniques/cue-lexicon.tsv from openly licensed lists (VADER,
 * AFINN, Empath, wooorm hedges/weasels, write-good weasels, cuss; notices in data/techniques/licenses/)
 * and our hand list cues-hand.tsv. Looked up by word hash, so no string is made per token.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { hashWord } from './lower-hash.js'
import { dataDir } from './paths.js'
import { WordTable } from './word-table.js'

/** Cue classes, in bit order. Appending is safe; reordering changes every trained weight. */
export const CUE_CLASSES = [
  'neg_strong',
  'neg',
  'pos_strong',
  'pos',
  'profane',
  'hedge',
  'weasel',
  'intensifier',
  'downtoner',
  'negation',
  'fear',
  'hostility',
  'pride',
  'deception',
  'power',
  'absolute',
  'superlative',
  'nation',
  'causal',
  'authority',
  'bandwagon',
  'reductio',
  'doubt',
] as const
export type CueClass = (typeof CUE_CLASSES)[number]

/** Bit of a cue class. @example cueBit('fear') // 1 << 10 */
export function cueBit(name: CueClass): number {
  return 1 << CUE_CLASSES.indexOf(name)
}

export interface CueLexicon {
  /** Word hash (lower-cased) → cue-class mask. */
  readonly masks: WordTable
  /** How many words the lexicon has. */
  readonly size: number
  /** sha256 of the file's text (first 16 hex digits), for provenance. */
  readonly hash: string
}

/**
 * Parses the lexicon file: `word<TAB>class,class` lines; `#` lines are comments.
 *
 * @example
 * parseCueLexicon('regime\tneg,hostility\n').masks.get(hashWord('regime')) // 0b100000000010
 */
export function parseCueLexicon(source: string): CueLexicon {
  const masks = new Map<number, number>()
  for (const line of source.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    if (tab < 0) continue
    let mask = 0
    for (const name of line.slice(tab + 1).split(',')) {
      const bit = CUE_CLASSES.indexOf(name as CueClass)
      if (bit >= 0) mask |= 1 << bit
    }
    const h = hashWord(line.slice(0, tab))
    masks.set(h, (masks.get(h) ?? 0) | mask)
  }
  return {
    masks: new WordTable(masks),
    size: masks.size,
    hash: createHash('sha256').update(source).digest('hex').slice(0, 16),
  }
}

let cached: CueLexicon | undefined

/**
 * The shipped lexicon, loaded once per process.
 *
 * @example
 * loadCueLexicon().size > 1000 // true
 */
export function loadCueLexicon(): CueLexicon {
  cached ??= parseCueLexicon(readFileSync(path.join(dataDir(), 'cue-lexicon.tsv'), 'utf8'))
  return cached
}
