/**
 * The technique tagger's weights: a multi-label logistic regression over hashed features, one output
 * per technique, scored per token. A dense bucket → row table makes each feature one array read (no
 * Map, no probing), and rows hold only the buckets training kept (pruned, int16-quantised).
 *
 * File `models/techniques/model.bin.gz` (gzip; little-endian):
 * "CTTQ" | u32 version | u32 bits | u32 labels | u32 rows | f32 scale | u32 buckets[rows] | i16 w[rows×labels].
 * `models/techniques/model.json` holds the labels, decode thresholds and provenance.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { TECHNIQUES } from '../../model/layers.js'
import { modelDir } from './paths.js'

export type TechniqueName = (typeof TECHNIQUES)[number]

const MAGIC = 0x51545443 // "CTTQ" read as little-endian u32
const VERSION = 1
const HEADER = 24

/** Decoding settings tuned on dev, stored beside the weights. */
export interface DecodeSettings {
  /** Per technique (same order as `labels`): the logit above which a token is inside a span. */
  thresholds: number[]
  /** Largest run of below-threshold tokens bridged inside one span. */
  maxGap: number
  /** Per technique: DecodeMode (0 token runs, 1 whole sentences). */
  modes: number[]
}

export interface TechniqueModel {
  readonly bits: number
  readonly labels: readonly TechniqueName[]
  /** Bucket → row, or -1 for a bucket with no weights. */
  readonly rowOf: Int32Array
  /** Row-major weights, `labels.length` per row. */
  readonly weights: Float32Array
  readonly decode: DecodeSettings
  /** sha256 of the weight file and settings, for provenance. */
  readonly hash: string
}

/** Sparse weight rows, as training exports them. */
export interface WeightRows {
  bits: number
  labels: number
  buckets: Uint32Array
  weights: Float32Array
}

/**
 * Encodes weight rows (int16 against one scale) and gzips them.
 *
 * @example
 * writeFileSync('model.bin.gz', encodeWeights(rows))
 */
export function encodeWeights(rows: WeightRows, gzip: (b: Uint8Array) => Uint8Array): Uint8Array {
  const n = rows.buckets.length
  let maxAbs = 0
  for (const v of rows.weights) maxAbs = Math.max(maxAbs, Math.abs(v))
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1
  const bytes = new Uint8Array(HEADER + n * 4 + n * rows.labels * 2)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, rows.bits, true)
  view.setUint32(12, rows.labels, true)
  view.setUint32(16, n, true)
  view.setFloat32(20, scale, true)
  for (let r = 0; r < n; r++) view.setUint32(HEADER + r * 4, rows.buckets[r] as number, true)
  const at = HEADER + n * 4
  for (let j = 0; j < n * rows.labels; j++)
    view.setInt16(at + j * 2, Math.round((rows.weights[j] as number) / scale), true)
  return gzip(bytes)
}

/**
 * Decodes {@link encodeWeights} output (already gunzipped) into a dense bucket table.
 *
 * @example
 * const { rowOf, weights } = decodeWeights(gunzipSync(readFileSync(file)))
 */
export function decodeWeights(bytes: Uint8Array): {
  bits: number
  labels: number
  rowOf: Int32Array
  weights: Float32Array
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new Error('CT0902: not a claimtrail technique model (bad magic or version)')
  }
  const bits = view.getUint32(8, true)
  const labels = view.getUint32(12, true)
  const n = view.getUint32(16, true)
  const scale = view.getFloat32(20, true)
  if (bytes.byteLength !== HEADER + n * 4 + n * labels * 2)
    throw new Error('CT0902: technique model is truncated')
  const rowOf = new Int32Array(1 << bits).fill(-1)
  for (let r = 0; r < n; r++) rowOf[view.getUint32(HEADER + r * 4, true)] = r
  const weights = new Float32Array(n * labels)
  const at = HEADER + n * 4
  for (let j = 0; j < n * labels; j++) weights[j] = view.getInt16(at + j * 2, true) * scale
  return { bits, labels, rowOf, weights }
}

interface ModelMeta {
  labels: TechniqueName[]
  /** JSON has no Infinity: a technique switched off has a null threshold. */
  decode: { thresholds: (number | null)[]; maxGap: number; modes: number[] }
}

/**
 * Builds a model from the two shipped files' contents.
 *
 * @example
 * const model = modelFromFiles(readFileSync('model.bin.gz'), readFileSync('model.json', 'utf8'))
 */
export function modelFromFiles(binGz: Uint8Array, metaJson: string): TechniqueModel {
  const meta = JSON.parse(metaJson) as ModelMeta
  const { bits, labels, rowOf, weights } = decodeWeights(gunzipSync(binGz))
  if (labels !== meta.labels.length) throw new Error('CT0902: technique model labels do not match model.json')
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
  }
  return { bits, labels: meta.labels, rowOf, weights, decode, hash }
}

let cached: TechniqueModel | undefined

/**
 * The shipped model, loaded once per process from models/techniques/.
 *
 * @example
 * loadTechniqueModel().labels.length // 14
 */
export function loadTechniqueModel(): TechniqueModel {
  if (!cached) {
    const dir = modelDir()
    cached = modelFromFiles(
      readFileSync(path.join(dir, 'model.bin.gz')),
      readFileSync(path.join(dir, 'model.json'), 'utf8'),
    )
  }
  return cached
}
