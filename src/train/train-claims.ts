/**
 * `claimtrail train claims`: learns the check-worthiness model (src/nlp/claims/) from the train part of
 * the check-worthiness data (src/train/checkworthy-data.ts), picks the threshold with the best F1 on the
 * ClaimBuster dev part, and writes models/claims/{model.json,model.bin,PROVENANCE.json} with dev scores.
 *
 * The learner is a logistic regression over hashed features (src/nlp/claims/features.ts), trained by
 * AdaGrad SGD with L2 in a seeded order. Deterministic: the same data gives byte-identical files.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { statementFeatures } from '../nlp/claims/features.js'
import { CLAIMS_MODEL_FORMAT, type ClaimsModelMeta } from '../nlp/claims/model-file.js'
import { encodeLinearModel } from '../nlp/learn/model-codec.js'
import { seededRandom } from '../nlp/learn/seeded-random.js'
import {
  checkworthyFiles,
  loadCheckworthy,
  type CheckworthyRecord,
  type CheckworthySet,
} from './checkworthy-data.js'
import { evalClaims } from './eval-claims.js'

/** Settings of the shipped model (chosen on the dev part). */
export const TRAINING = {
  seed: 20170801,
  /**
   * Sets learned from. ClaimBuster alone: its label (a check-worthy factual sentence) is what a reader
   * wants, and on dev it beat training on all four sets (ClaimBuster F1 74.1 vs 69.2, CLEF 2019 MAP 15.7
   * vs 11.0, CLEF 2020 MAP 9.8 vs 11.1): CLEF marks only the few sentences fact-checkers happened to pick.
   */
  sets: ['claimbuster'] as readonly CheckworthySet[],
  epochs: 6,
  learningRate: 0.2,
  l2: 1e-6,
  /** Features seen fewer times than this in training are left out. */
  minCount: 2,
  /** Weights smaller than this are dropped from the shipped file. */
  minWeight: 0.002,
  decimals: 4,
} as const

const LICENCE =
  'ClaimBuster: CC BY 4.0; CLEF CheckThat! 2019/2020: free for general research use (as stated in ../shared/data/README.md)'

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Feature rows of every record, as indices into the kept feature table. */
function featurize(records: readonly CheckworthyRecord[]): { rows: Int32Array[]; hashes: number[] } {
  const scratch: number[] = []
  const counts = new Map<number, number>()
  const raw = records.map((r) => {
    const n = statementFeatures(r.text, scratch)
    const unique = [...new Set(scratch.slice(0, n))]
    for (const h of unique) counts.set(h, (counts.get(h) ?? 0) + 1)
    return unique
  })
  const hashes = [...counts].filter(([, c]) => c >= TRAINING.minCount).map(([h]) => h)
  hashes.sort((a, b) => a - b)
  const index = new Map(hashes.map((h, i) => [h, i]))
  const rows = raw.map((features) => {
    const kept = features.map((h) => index.get(h)).filter((i): i is number => i !== undefined)
    return Int32Array.from(kept)
  })
  return { rows, hashes }
}

/** Logistic regression by AdaGrad SGD with L2 (applied to the weights an example touches). */
function train(rows: readonly Int32Array[], labels: readonly number[], size: number): Float64Array {
  const w = new Float64Array(size)
  const g = new Float64Array(size)
  const order = rows.map((_, i) => i)
  const random = seededRandom(TRAINING.seed)
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j] as number, order[i] as number]
    }
    for (const k of order) {
      const row = rows[k] as Int32Array
      let z = 0
      for (const f of row) z += w[f] as number
      const p = 1 / (1 + Math.exp(-z))
      const error = p - (labels[k] as number)
      for (const f of row) {
        const grad = error + TRAINING.l2 * (w[f] as number)
        g[f] = (g[f] as number) + grad * grad
        w[f] = (w[f] as number) - (TRAINING.learningRate * grad) / Math.sqrt((g[f] as number) + 1e-8)
      }
    }
  }
  return w
}

/**
 * Trains the model and writes it (with provenance and dev scores) to `outDir`.
 *
 * @example await trainClaims({ dataDir: '../shared/data', outDir: 'models/claims', log: console.error })
 */
export async function trainClaims(opts: {
  dataDir: string
  outDir: string
  log: (line: string) => void
}): Promise<void> {
  const folder = path.join(opts.dataDir, 'checkworthy')
  const records = loadCheckworthy(folder).train.filter((r) => TRAINING.sets.includes(r.set))
  const { rows, hashes } = featurize(records)
  opts.log(
    `train claims: ${records.length} training sentences (${TRAINING.sets.join(', ')}), ${hashes.length} features`,
  )
  const weights = train(
    rows,
    records.map((r) => r.label),
    hashes.length,
  )
  const keptHashes: number[] = []
  const keptWeights: number[] = []
  const scale = 10 ** TRAINING.decimals
  hashes.forEach((h, i) => {
    const v = Math.round((weights[i] as number) * scale) / scale
    if (Math.abs(v) < TRAINING.minWeight) return
    keptHashes.push(h)
    keptWeights.push(v)
  })
  const bin = encodeLinearModel({
    labels: 1,
    hashes: Uint32Array.from(keptHashes),
    weights: Float32Array.from(keptWeights),
  })
  mkdirSync(opts.outDir, { recursive: true })
  writeFileSync(path.join(opts.outDir, 'model.bin'), bin)
  // The threshold is chosen on dev with the weights just written (threshold 0.5 until then).
  const writeMeta = (threshold: number): string => {
    const meta: ClaimsModelMeta = {
      format: CLAIMS_MODEL_FORMAT,
      threshold,
      weights: { file: 'model.bin', sha256: sha256(bin) },
    }
    const text = `${JSON.stringify(meta)}\n`
    writeFileSync(path.join(opts.outDir, 'model.json'), text)
    return text
  }
  // a scratch copy with a placeholder threshold (model files are cached per folder once loaded)
  const probeDir = mkdtempSync(path.join(os.tmpdir(), 'claimtrail-claims-'))
  writeFileSync(path.join(probeDir, 'model.bin'), bin)
  writeFileSync(path.join(probeDir, 'model.json'), writeMeta(0.5))
  const threshold = evalClaims({ folder, modelDir: probeDir }).bestThreshold.threshold
  rmSync(probeDir, { recursive: true, force: true })
  const metaText = writeMeta(threshold)
  const dev = evalClaims({ folder, modelDir: opts.outDir })
  const pct = (x: number): number => Math.round(1000 * x) / 10
  const provenance = {
    model: 'claims',
    format: CLAIMS_MODEL_FORMAT,
    learner:
      'logistic regression over hashed word, bigram and shape features (AdaGrad SGD, L2), seeded order',
    training: TRAINING,
    data: {
      files: Object.fromEntries(
        checkworthyFiles().map((f) => [`checkworthy/${f}`, sha256(readFileSync(path.join(folder, f)))]),
      ),
      trainedOn: TRAINING.sets,
      trainSentences: records.length,
      split:
        'dev = a fixed fifth: whole CLEF debates by doc, ClaimBuster and tweets by id (FNV-1a % 5 == 0); training sentences whose text is also in dev are dropped',
      licence: LICENCE,
    },
    files: {
      'model.json': sha256(metaText),
      'model.bin': { sha256: sha256(bin), bytes: bin.byteLength },
    },
    dev: {
      claimbuster: {
        threshold,
        precision: pct(dev.claimbuster.precision),
        recall: pct(dev.claimbuster.recall),
        f1: pct(dev.claimbuster.f1),
      },
      clef2019: { map: pct(dev.ranking.clef2019.map), p10: pct(dev.ranking.clef2019.p10) },
      clef2020: { map: pct(dev.ranking.clef2020.map), p10: pct(dev.ranking.clef2020.p10) },
      tweets: { map: pct(dev.ranking.tweets.map), p10: pct(dev.ranking.tweets.p10) },
    },
  }
  writeFileSync(path.join(opts.outDir, 'PROVENANCE.json'), `${JSON.stringify(provenance, null, 2)}\n`)
  opts.log(`train claims: dev ${JSON.stringify(provenance.dev)}`)
}
