/**
 * The shipped entity model: `models/entities/model.json` (label types, gazetteer lists, common words,
 * the weights file's sha256) and `models/entities/model.bin` (weights, {@link encodeLinearModel} format).
 * Loaded lazily, once per process; its hash goes into the analysis provenance.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { LinearModel } from '../learn/linear-model.js'
import { decodeLinearModel } from '../learn/model-codec.js'
import { CompiledEntityScorer } from './compiled-scorer.js'
import type { FeatureResources } from './features.js'
import { Gazetteer } from './gazetteer.js'

export const MODEL_FORMAT = 'claimtrail/entities-model@1'

export const EntityModelMetaSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  /** Entity types of the training data, in label order (CoNLL: PER, ORG, LOC, MISC). */
  types: z.array(z.string()),
  weightsFile: z.string(),
  weightsSha256: z.string(),
  gazetteers: z.record(z.string(), z.array(z.string())),
  /** Lists that refine types after tagging (data/gazetteers/types: languages, products); not features. */
  typeLists: z.record(z.string(), z.array(z.string())).optional(),
  commonWords: z.array(z.string()),
  /** Exchange word classes: `words[i]` is in class `classes[g][i]` at granularity `sizes[g]`. */
  clusters: z
    .object({
      sizes: z.array(z.number().int()),
      words: z.array(z.string()),
      classes: z.array(z.array(z.number().int())),
    })
    .optional(),
})
export type EntityModelMeta = z.infer<typeof EntityModelMetaSchema>

export interface EntityModel {
  scorer: LinearModel
  /** The same weights compiled for fast tagging (run time). */
  compiled: CompiledEntityScorer
  /** The type-refining lists ({@link refineType}). */
  typeLists: Gazetteer
  resources: FeatureResources
  types: readonly string[]
  /** sha256 of model.json (which pins the weights file by its own sha256). */
  hash: string
}

/** The default model folder: models/entities at the project root (src/… and dist/… are both 3 deep). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../../models/entities/', import.meta.url))

/**
 * Builds the runtime model from its parts (also used by training, before anything is written).
 *
 * @example
 * const model = assembleEntityModel(meta, linear, 'sha…')
 */
export function assembleEntityModel(meta: EntityModelMeta, scorer: LinearModel, hash: string): EntityModel {
  const resources: FeatureResources = {
    gazetteer: new Gazetteer(meta.gazetteers),
    commonWords: new Set(meta.commonWords),
    ...(meta.clusters
      ? {
          clusters: {
            index: new Map(meta.clusters.words.map((w, i) => [w, i])),
            classes: meta.clusters.classes.map((c) => Int32Array.from(c)),
          },
        }
      : {}),
  }
  return {
    scorer,
    compiled: new CompiledEntityScorer(scorer, resources),
    typeLists: new Gazetteer(meta.typeLists ?? {}),
    resources,
    types: meta.types,
    hash,
  }
}

const cache = new Map<string, EntityModel>()

/**
 * Loads (once per process and folder) the entity model.
 *
 * @example
 * const { scorer, resources } = loadEntityModel()
 */
export function loadEntityModel(dir: string = DEFAULT_MODEL_DIR): EntityModel {
  const cached = cache.get(dir)
  if (cached) return cached
  let metaText: string
  let weights: Uint8Array
  let meta: EntityModelMeta
  try {
    metaText = readFileSync(`${dir}/model.json`, 'utf8')
    meta = EntityModelMetaSchema.parse(JSON.parse(metaText))
    weights = readFileSync(`${dir}/${meta.weightsFile}`)
  } catch (error) {
    throw new Error(
      `CT0201: model file ${dir}/model.json is missing or unreadable; reinstall claimtrail or run \`claimtrail train entities\` (${String(error)})`,
    )
  }
  const weightsHash = createHash('sha256').update(weights).digest('hex')
  if (weightsHash !== meta.weightsSha256) {
    throw new Error(`CT0201: model file ${dir}/${meta.weightsFile} does not match the sha256 in model.json`)
  }
  const hash = createHash('sha256').update(metaText).digest('hex')
  const model = assembleEntityModel(meta, new LinearModel(decodeLinearModel(weights)), hash)
  cache.set(dir, model)
  return model
}
