/**
 * The shipped attribution model: `models/attribution/model.json` (format, the cue vocabulary, the weight
 * files' sha256) with `cue.bin` and `span.bin` ({@link encodeLinearModel} format). Loaded lazily, once
 * per process and folder; the sha256 of model.json goes into the analysis provenance.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { LinearModel } from '../../learn/linear-model.js'
import { decodeLinearModel } from '../../learn/model-codec.js'

export const ATTRIBUTION_MODEL_FORMAT = 'claimtrail/attribution-model@1'

export const AttributionModelMetaSchema = z.object({
  format: z.literal(ATTRIBUTION_MODEL_FORMAT),
  /** Lower-case words the cue model looks at (often the first word of a cue in training), besides reporting verbs. */
  cueVocabulary: z.array(z.string()),
  /** A token is a cue when its cue score beats its outside score by this much (chosen on dev). */
  cueMargin: z.number(),
  cueWeights: z.object({ file: z.string(), sha256: z.string() }),
  spanWeights: z.object({ file: z.string(), sha256: z.string() }),
})
export type AttributionModelMeta = z.infer<typeof AttributionModelMetaSchema>

export interface AttributionModel {
  cue: LinearModel
  span: LinearModel
  cueVocabulary: ReadonlySet<string>
  cueMargin: number
  /** sha256 of model.json (which pins both weight files by their own sha256). */
  hash: string
}

/** models/attribution at the project root (src/… and dist/… are both four levels below it). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../../../models/attribution/', import.meta.url))

const cache = new Map<string, AttributionModel>()

function readWeights(dir: string, entry: { file: string; sha256: string }): LinearModel {
  const bytes = readFileSync(`${dir}/${entry.file}`)
  if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
    throw new Error(`CT0201: model file ${dir}/${entry.file} does not match the sha256 in model.json`)
  return new LinearModel(decodeLinearModel(bytes))
}

/**
 * Loads (once per process and folder) the attribution model.
 *
 * @example
 * const { cue, span } = loadAttributionModel()
 */
export function loadAttributionModel(dir: string = DEFAULT_MODEL_DIR): AttributionModel {
  const cached = cache.get(dir)
  if (cached) return cached
  let metaText: string
  let meta: AttributionModelMeta
  try {
    metaText = readFileSync(`${dir}/model.json`, 'utf8')
    meta = AttributionModelMetaSchema.parse(JSON.parse(metaText))
  } catch (error) {
    throw new Error(
      `CT0201: model file ${dir}/model.json is missing or unreadable; reinstall claimtrail or run \`claimtrail train attribution\` (${String(error)})`,
    )
  }
  const model: AttributionModel = {
    cue: readWeights(dir, meta.cueWeights),
    span: readWeights(dir, meta.spanWeights),
    cueVocabulary: new Set(meta.cueVocabulary),
    cueMargin: meta.cueMargin,
    hash: createHash('sha256').update(metaText).digest('hex'),
  }
  cache.set(dir, model)
  return model
}
