/**
 * The technique tagger's weights: a multi-label logistic regression over hashed features, one output
 * per technique, scored per token. The weights are one dense table of 2^bits hash buckets × labels,
 * quantised to int8 against one scale: a feature costs one read of a few bytes, and the whole table
 * (1 MB at 16 bits, rows padded to 16 labels in memory; the token sums read a 2 MB packed copy,
 * score-tokens.ts) stays close to the core, which makes the stage fast.
 *
 * File `models/techniques/model.bin.gz` (gzip; little-endian):
 * "CTTQ" | u32 version | u32 bits | u32 labels | f32 scale | i8 w[2^bits × labels].
 * `models/techniques/model.json` holds the labels and the decode settings (tuned by cross-validation
 * on train).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { TECHNIQUES } from '../../model/layers.js'
import { modelDir } from './paths.js'
import { FAST_STRIDE, type WeightTable } from './score-tokens.js'
import { decodePriors } from './word-priors.js'
import { WordTable } from './word-table.js'

export type TechniqueName = (typeof TECHNIQUES)[number]

const MAGIC = 0x51545443 // "CTTQ" read as little-endian u32
const VERSION = 2
const HEADER = 20

/** Decoding settings tuned on dev, stored beside the weights. */
export interface DecodeSettings {
  /** Per technique (same order as `labels`): the logit above which a token is inside a span. */
  thresholds: number[]
  /** Largest run of below-threshold tokens bridged inside one span: one for all, or per technique. */
  maxGap: number | number[]
  /** Per technique: DecodeMode (0 token runs, 1 whole sentences). */
  modes: number[]
  /** Per technique: how far below the threshold a seeded run may grow (hysteresis; decode-spans.ts). */
  extend: number[]
}

export interface TechniqueModel extends WeightTable {
  readonly names: readonly TechniqueName[]
  readonly decode: DecodeSettings
  /** Packed per-technique word priors learnt from training data (word-priors.ts). */
  readonly priors: WordTable
  /** sha256 of the weight file and settings (16 hex digits), for provenance. */
  readonly hash: string
}

/**
 * Quantises dense float weights to int8 and gzips them.
 *
 * @example
 * writeFileSync('model.bin.gz', encodeWeights(17, 14, weights, gzipSync))
 */
export function encodeWeights(
  bits: number,
  labels: number,
  weights: Float32Array,
  gzip: (b: Uint8Array) => Uint8Array,
): Uint8Array {
  let maxAbs = 0
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v))
  const scale = maxAbs > 0 ? maxAbs / 127 : 1
  const bytes = new Uint8Array(HEADER + weights.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, bits, true)
  view.setUint32(12, labels, true)
  view.setFloat32(16, scale, true)
  const q = new Int8Array(bytes.buffer, HEADER)
  for (let j = 0; j < weights.length; j++) q[j] = Math.round((weights[j] as number) / scale)
  return gzip(bytes)
}

/**
 * Decodes {@link encodeWeights} output (already gunzipped).
 *
 * @example
 * const table = decodeWeights(gunzipSync(readFileSync(file)))
 */
export function decodeWeights(bytes: Uint8Array): WeightTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new Error('CT0902: not a claimtrail technique model (bad magic or version)')
  }
  const bits = view.getUint32(8, true)
  const labels = view.getUint32(12, true)
  const scale = view.getFloat32(16, true)
  if (bytes.byteLength !== HEADER + (1 << bits) * labels)
    throw new Error('CT0902: technique model is truncated')
  const stored = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER, bytes.byteLength - HEADER)
  if (labels > FAST_STRIDE) return { bits, labels, weights: stored.slice(), scale }
  // Rows padded to 16 for the unrolled scorer (score-tokens.ts); the padding weights are 0.
  const weights = new Int8Array((1 << bits) * FAST_STRIDE)
  for (let b = 0; b < 1 << bits; b++) {
    weights.set(stored.subarray(b * labels, (b + 1) * labels), b * FAST_STRIDE)
  }
  return { bits, labels, stride: FAST_STRIDE, weights, scale }
}

interface ModelMeta {
  labels: TechniqueName[]
  /** JSON has no Infinity: a technique switched off has a null threshold. */
  decode: { thresholds: (number | null)[]; maxGap: number | number[]; modes: number[]; extend?: number[] }
}

/**
 * Builds a model from the two shipped files' contents.
 *
 * @example
 * const model = modelFromFiles(read('model.bin.gz'), read('model.json', 'utf8'), read('priors.bin.gz'))
 */
export function modelFromFiles(binGz: Uint8Array, metaJson: string, priorsGz: Uint8Array): TechniqueModel {
  const meta = JSON.parse(metaJson) as ModelMeta
  const table = decodeWeights(gunzipSync(binGz))
  if (table.labels !== meta.labels.length)
    throw new Error('CT0902: technique model labels do not match model.json')
  for (const l of meta.labels) {
    if (!(TECHNIQUES as readonly string[]).includes(l))
      throw new Error(`CT0902: unknown technique "${l}" in model`)
  }
  const hash = createHash('sha256')
    .update(binGz)
    .update(JSON.stringify(meta.decode))
    .digest('hex')
    .slice(0, 16)
  const decode: DecodeSettings = {
    thresholds: meta.decode.thresholds.map((t) => t ?? Infinity),
    maxGap: meta.decode.maxGap,
    modes: meta.decode.modes,
    extend: meta.decode.extend ?? [],
  }
  const priors = new WordTable(decodePriors(gunzipSync(priorsGz)))
  return { ...table, names: meta.labels, decode, priors, hash }
}

let cached: TechniqueModel | undefined

/**
 * The shipped model, loaded once per process from models/techniques/.
 *
 * @example
 * loadTechniqueModel().names.length // 14
 */
export function loadTechniqueModel(): TechniqueModel {
  if (!cached) {
    const dir = modelDir()
    cached = modelFromFiles(
      readFileSync(path.join(dir, 'model.bin.gz')),
      readFileSync(path.join(dir, 'model.json'), 'utf8'),
      readFileSync(path.join(dir, 'priors.bin.gz')),
    )
  }
  return cached
}
