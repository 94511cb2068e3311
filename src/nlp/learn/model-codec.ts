/**
 * Compact binary form of a {@link LinearModelData}: per row a feature hash, a bit mask of non-zero labels
 * and those weights quantised to int16 against one model-wide scale. Sparse rows (most features move only a
 * few labels) keep a CoNLL-sized tagger to a few megabytes.
 *
 * Layout (little-endian): "CTLM" | u32 version | u32 labels | u32 rows | f32 scale | u32 nnz |
 * u32 hashes[rows] | u32 masks[rows] | i16 values[nnz].
 */
import type { LinearModelData } from './linear-model.js'

const MAGIC = 0x4d4c5443 // "CTLM" read as little-endian u32
const VERSION = 1
const HEADER = 24

/**
 * Encodes a model; at most 32 labels (one mask bit each).
 *
 * @example
 * const bytes = encodeLinearModel(trainer.average(0.01).data)
 */
export function encodeLinearModel(data: LinearModelData): Uint8Array {
  const L = data.labels
  if (L > 32) throw new Error('CT0901: encodeLinearModel supports at most 32 labels')
  const rows = data.hashes.length
  let maxAbs = 0
  let nnz = 0
  for (const v of data.weights) {
    if (v !== 0) nnz++
    maxAbs = Math.max(maxAbs, Math.abs(v))
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1
  const bytes = new Uint8Array(HEADER + rows * 8 + nnz * 2)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, L, true)
  view.setUint32(12, rows, true)
  view.setFloat32(16, scale, true)
  view.setUint32(20, nnz, true)
  let maskAt = HEADER + rows * 4
  let valueAt = HEADER + rows * 8
  for (let r = 0; r < rows; r++) {
    view.setUint32(HEADER + r * 4, data.hashes[r] as number, true)
    let mask = 0
    for (let l = 0; l < L; l++) {
      const v = data.weights[r * L + l] as number
      if (v === 0) continue
      mask |= 1 << l
      view.setInt16(valueAt, Math.round(v / scale), true)
      valueAt += 2
    }
    view.setUint32(maskAt, mask >>> 0, true)
    maskAt += 4
  }
  return bytes
}

/**
 * Decodes {@link encodeLinearModel} output; throws on a foreign or corrupt file (a packaging bug).
 *
 * @example
 * const model = new LinearModel(decodeLinearModel(readFileSync('model.bin')))
 */
export function decodeLinearModel(bytes: Uint8Array): LinearModelData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new Error('CT0902: not a claimtrail linear model file (bad magic or version)')
  }
  const L = view.getUint32(8, true)
  const rows = view.getUint32(12, true)
  const scale = view.getFloat32(16, true)
  const nnz = view.getUint32(20, true)
  if (bytes.byteLength !== HEADER + rows * 8 + nnz * 2)
    throw new Error('CT0902: linear model file is truncated')
  const hashes = new Uint32Array(rows)
  const weights = new Float32Array(rows * L)
  let valueAt = HEADER + rows * 8
  for (let r = 0; r < rows; r++) {
    hashes[r] = view.getUint32(HEADER + r * 4, true)
    const mask = view.getUint32(HEADER + rows * 4 + r * 4, true)
    for (let l = 0; l < L; l++) {
      if ((mask & (1 << l)) === 0) continue
      weights[r * L + l] = view.getInt16(valueAt, true) * scale
      valueAt += 2
    }
  }
  return { labels: L, hashes, weights }
}
