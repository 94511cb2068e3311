/**
 * Builds and runs pipelines. Everything is checked once, at build time (wink's validated pipe):
 * unknown stages, a missing `requires`, two providers of one layer, bad options. Running is a plain loop.
 */
import type { z } from 'zod'
import { ClaimtrailError } from '../errors.js'
import { SCHEMA_ID, type Analysis, type DocumentMeta } from '../model/analysis.js'
import type { Diagnostic } from '../model/diagnostics.js'
import { DocView, type LayerMap, type LayerName } from '../model/doc-view.js'
import type { Block } from '../model/layers.js'
import { validateLayers } from './validate.js'
import type { AnyStage, Stage, StageContext } from './stage.js'

export const ENGINE = 'claimtrail 0.1.0'

/** What ingest produces: the frozen text, its blocks and its metadata. */
export interface DocumentInput {
  id?: string | null
  text: string
  blocks?: Block[]
  meta?: Partial<Omit<DocumentMeta, 'text'>>
  /** Diagnostics found while ingesting (e.g. invalid UTF-8 replaced). */
  diagnostics?: Diagnostic[]
}

export interface PipelineOptions {
  /** Per-stage options, by stage name; validated against each stage's schema at build time. */
  options?: Record<string, unknown>
  /** Validate every layer a stage returns (development and tests); skipped in production for speed. */
  validate?: boolean
  /** Receives lazy debug output; none attached means debug messages are never built. */
  onDebug?: (stage: string, message: string) => void
  /** When given, each stage's wall time in milliseconds is added here, by stage name (for the benchmark). */
  profile?: Record<string, number>
}

interface BuiltStage {
  stage: Stage<unknown>
  options: unknown
}

export interface Pipeline {
  readonly stages: readonly Stage<unknown>[]
  run(input: DocumentInput): Analysis
  /** Runs the stages and returns the view with every layer, tokens included (for tools and tests). */
  runToView(input: DocumentInput): { view: DocView; analysis: Analysis }
  /**
   * A document before any stage has run, to be taken through the stages in parts ({@link runStages}),
   * possibly on different threads: the state is plain data (structured-clone and v8.serialize safe).
   */
  begin(input: DocumentInput): PipelineState
  /** Runs stages `[from, to)` of the pipeline on a state from {@link begin} or an earlier call; returns it. */
  runStages(state: PipelineState, from: number, to: number): PipelineState
  /** The analysis of a state that has been through every stage. */
  finish(state: PipelineState): Analysis
}

/** A document part-way through a pipeline: its text and metadata, the layers so far and what the stages reported. */
export interface PipelineState {
  id: string | null
  text: string
  meta: Omit<DocumentMeta, 'text'>
  layers: Partial<LayerMap>
  diagnostics: Diagnostic[]
  /** Model hashes the stages used, by model name. */
  models: Record<string, string>
  /** Version of each stage that has run. */
  stageVersions: Record<string, number>
  /** Stages run so far (the next one to run). */
  next: number
}

/** Layers the document has before any stage runs. */
const INGEST_LAYERS: readonly LayerName[] = ['blocks']

function checkWiring(stages: readonly Stage<unknown>[]): void {
  const providedBy = new Map<LayerName, string>()
  for (const layer of INGEST_LAYERS) providedBy.set(layer, 'ingest')
  const allProviders = (layer: LayerName): string =>
    stages
      .filter((s) => s.provides.includes(layer))
      .map((s) => s.name)
      .join(', ') || 'no stage'
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!providedBy.has(layer)) {
        throw new ClaimtrailError('CT0102', { stage: stage.name, layer, providers: allProviders(layer) })
      }
    }
    for (const layer of stage.updates ?? []) {
      if (!providedBy.has(layer)) throw new ClaimtrailError('CT0106', { stage: stage.name, layer })
    }
    for (const layer of stage.provides) {
      const first = providedBy.get(layer)
      if (first) throw new ClaimtrailError('CT0103', { layer, first, second: stage.name })
      providedBy.set(layer, stage.name)
    }
  }
}

function parseOptions(stage: Stage<unknown>, raw: unknown): unknown {
  const parsed = (stage.options as z.ZodType).safeParse(raw ?? {})
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new ClaimtrailError('CT0104', { stage: stage.name, issues })
  }
  return parsed.data
}

/**
 * Checks and builds a pipeline from an ordered list of stages.
 *
 * @example
 * const pipeline = createPipeline(presets.full)
 * const analysis = pipeline.run({ text: 'Salami said that…', meta: { published: '2022-09-01' } })
 */
export function createPipeline(stages: readonly AnyStage[], options: PipelineOptions = {}): Pipeline {
  checkWiring(stages)
  const built: BuiltStage[] = stages.map((stage) => ({
    stage,
    options: parseOptions(stage, options.options?.[stage.name]),
  }))
  const validate = options.validate ?? process.env.NODE_ENV !== 'production'
  const onDebug = options.onDebug
  const profile = options.profile

  function begin(input: DocumentInput): PipelineState {
    const text = input.text
    return {
      id: input.id ?? null,
      text,
      meta: {
        title: input.meta?.title ?? null,
        published: input.meta?.published ?? null,
        url: input.meta?.url ?? null,
        outlet: input.meta?.outlet ?? null,
        byline: input.meta?.byline ?? null,
        language: input.meta?.language ?? 'en',
      },
      layers: {
        blocks: input.blocks ?? (text.trim() ? [{ start: 0, end: text.length, kind: 'paragraph' }] : []),
      },
      diagnostics: [...(input.diagnostics ?? [])],
      models: {},
      stageVersions: {},
      next: 0,
    }
  }

  function runStages(state: PipelineState, from: number, to: number): PipelineState {
    if (from !== state.next || to < from || to > built.length) {
      throw new ClaimtrailError('CT0107', { from, to, next: state.next, count: built.length })
    }
    const { text, layers, diagnostics, models, stageVersions } = state
    const view = new DocView(text, state.meta, layers)
    for (let k = from; k < to; k++) {
      const { stage, options: stageOptions } = built[k] as BuiltStage
      const ctx: StageContext<unknown> = {
        options: stageOptions,
        report: (d) => diagnostics.push({ stage: stage.name, ...d }),
        debug: onDebug ? (message) => onDebug(stage.name, message()) : () => {},
        useModel: (name, hash) => {
          models[name] = hash
        },
      }
      const began = profile ? performance.now() : 0
      const produced = stage.run(view, ctx)
      if (profile) profile[stage.name] = (profile[stage.name] ?? 0) + performance.now() - began
      for (const layer of [...stage.provides, ...(stage.updates ?? [])]) {
        const value = produced[layer]
        if (value === undefined) {
          throw new ClaimtrailError('CT0105', { stage: stage.name, layer, issues: 'missing from the result' })
        }
        ;(layers as Record<string, unknown>)[layer] = value
      }
      if (validate) validateLayers(stage.name, text, produced, layers)
      stageVersions[stage.name] = stage.version
    }
    state.next = to
    return state
  }

  function finish(state: PipelineState): Analysis {
    const { layers } = state
    return {
      schema: SCHEMA_ID,
      id: state.id,
      document: { text: state.text, ...state.meta },
      blocks: layers.blocks ?? [],
      sentences: layers.sentences ?? [],
      mentions: layers.mentions ?? [],
      entities: layers.entities ?? [],
      attributions: layers.attributions ?? [],
      times: layers.times ?? [],
      techniques: layers.techniques ?? [],
      claims: layers.claims ?? [],
      diagnostics: state.diagnostics.sort(
        (a, b) =>
          (a.start ?? -1) - (b.start ?? -1) || a.stage.localeCompare(b.stage) || a.rule.localeCompare(b.rule),
      ),
      provenance: { engine: ENGINE, stages: state.stageVersions, models: sortKeys(state.models) },
    }
  }

  function runToView(input: DocumentInput): { view: DocView; analysis: Analysis } {
    const state = runStages(begin(input), 0, built.length)
    return { view: new DocView(state.text, state.meta, state.layers), analysis: finish(state) }
  }

  return {
    stages,
    run: (input) => runToView(input).analysis,
    runToView,
    begin,
    runStages,
    finish,
  }
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
}
