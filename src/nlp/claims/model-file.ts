/**
 * The shipped check-worthiness model: `models/claims/model.json` (format, threshold, the weight file's
 * sha256) and `model.bin` (a one-column {@link encodeLinearModel} model: a logistic regression's weights).
 * Loaded lazily, once per process and folder; the sha256 of model.json goes into the analysis provenance.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { LinearModel } from '../learn/linear-model.js'
import { decodeLinearModel } from '../learn/model-codec.js'
import { statementFeatures } from './features.js'

export const CLAIMS_MODEL_FORMAT = 'claimtrail/checkworthiness-model@1'

export const ClaimsModelMetaSchema = z.object({
  format: z.literal(CLAIMS_MODEL_FORMAT),
  /** Probability from which a statement counts as check-worthy (best F1 on the held-out part, see README). */
  threshold: z.number().min(0).max(1),
  weights: z.object({ file: z.string(), sha256: z.string() }),
})
export type ClaimsModelMeta = z.infer<typeof ClaimsModelMetaSchema>

export interface ClaimsModel {
  weights: LinearModel
  threshold: number
  /** sha256 of model.json (which pins the weight file by its own sha256). */
  hash: string
}

/** models/claims at the project root (src/… and dist/… are both three levels below it). */
export const DEFAULT_CLAIMS_MODEL_DIR = fileURLToPath(new URL('../../../models/claims/', import.meta.url))

const cache = new Map<string, ClaimsModel>()

/**
 * Loads (once per process and folder) the check-worthiness model.
 *
 * @example
 * checkworthiness(loadClaimsModel(), 'Unemployment fell to 4.1 percent.') // ≈ 0.9
 */
export function loadClaimsModel(dir: string = DEFAULT_CLAIMS_MODEL_DIR): ClaimsModel {
  const cached = cache.get(dir)
  if (cached) return cached
  let metaText: string
  let meta: ClaimsModelMeta
  try {
    metaText = readFileSync(`${dir}/model.json`, 'utf8')
    meta = ClaimsModelMetaSchema.parse(JSON.parse(metaText))
  } catch (error) {
    throw new Error(
      `CT0201: model file ${dir}/model.json is missing or unreadable; reinstall claimtrail or run \`claimtrail train claims\` (${String(error)})`,
    )
  }
  const bytes = readFileSync(`${dir}/${meta.weights.file}`)
  if (createHash('sha256').update(bytes).digest('hex') !== meta.weights.sha256)
    throw new Error(`CT0201: model file ${dir}/${meta.weights.file} does not match the sha256 in model.json`)
  const model: ClaimsModel = {
    weights: new LinearModel(decodeLinearModel(bytes)),
    threshold: meta.threshold,
    hash: createHash('sha256').update(metaText).digest('hex'),
  }
  cache.set(dir, model)
  return model
}

const features: number[] = []
const score = new Float64Array(1)

/** The model's probability that a statement is check-worthy. */
export function checkworthiness(model: Pick<ClaimsModel, 'weights'>, text: string): number {
  const n = statementFeatures(text, features)
  model.weights.score(features, n, score)
  return 1 / (1 + Math.exp(-(score[0] as number)))
}
