/**
 * The worker-thread side of the ingest pool: analyses one document and turns it into the rows the
 * store writes (analysis JSON, content hash, MinHash signature, canonical keys, quote keys), so the
 * main thread only reads sources and writes rows. Rows cross the thread boundary as a few long
 * strings and flat arrays, which clone far faster than the analysis's object graph.
 *
 * A document is analysed by one thread ({@link analyzeTask}) or in two halves on two threads
 * ({@link analyzeFront}, then {@link analyzeBack}; see pool.ts for why).
 */
import v8 from 'node:v8'
import { pipelineFor } from '../analyze.js'
import type { Analysis } from '../model/analysis.js'
import type { DocumentInput, Pipeline, PipelineState } from '../pipeline/pipeline.js'
import type { PresetName } from '../presets.js'
import { contentHash, documentRows, type DocumentRows } from '../store/rows.js'

export interface AnalyzeTask {
  input: DocumentInput
  preset: PresetName
  /** Where the document came from, stored with it. */
  source?: string
  /** {@link contentHash} of `input.text` when the caller has it already (ingest checks it before analysis). */
  hash?: string
}

export interface AnalyzedDocument {
  /** The store's rows; their hash is the input text's, the one ingest checked before analysis. */
  rows: DocumentRows
}

/**
 * The rows of a finished analysis for a task.
 *
 * @example const { rows } = prepareAnalysis(task, analysis)
 */
export function prepareAnalysis(task: AnalyzeTask, analysis: Analysis): AnalyzedDocument {
  return rowsOf(analysis, task.hash ?? contentHash(task.input.text), task.source)
}

function rowsOf(analysis: Analysis, hash: string, source: string | undefined): AnalyzedDocument {
  return { rows: documentRows({ analysis, hash, ...(source === undefined ? {} : { source }) }) }
}

/**
 * Analyses one document (the pipeline is built once per thread and reused).
 *
 * @example const { rows } = analyzeTask({ input: { text }, preset: 'full' })
 */
export function analyzeTask(task: AnalyzeTask): AnalyzedDocument {
  return prepareAnalysis(task, pipelineFor(task.preset, { validate: false }).run(task.input))
}

/**
 * Where a preset's pipeline is cut in two for {@link analyzeFront} and {@link analyzeBack}: after
 * coreference, which leaves halves of about equal cost on news (BBC, per article: tokens, entities and
 * coref 1.5 ms; attribution, techniques, time, claims and rows 1.5 ms). Null for a pipeline without
 * coreference (the fast preset): it runs whole.
 */
export function splitPoint(pipeline: Pipeline): number | null {
  const coref = pipeline.stages.findIndex((stage) => stage.name === 'coref')
  return coref >= 0 && coref + 1 < pipeline.stages.length ? coref + 1 : null
}

/** A document half analysed: its pipeline state, serialised, and what the rows need beside it. */
export interface HalfAnalyzed {
  /**
   * `v8.serialize` of the {@link PipelineState}: between threads it is copied as bytes (tens of µs), and
   * the main thread, which passes it on, never builds the object graph.
   */
  state: ArrayBuffer
  preset: PresetName
  hash: string
  source?: string
}

/**
 * The first half of a document's analysis (up to {@link splitPoint}), serialised for the thread that
 * runs the second.
 *
 * @example const half = analyzeFront({ input: { text }, preset: 'full' }); const { rows } = analyzeBack(half)
 */
export function analyzeFront(task: AnalyzeTask): HalfAnalyzed {
  const pipeline = pipelineFor(task.preset, { validate: false })
  const cut = splitPoint(pipeline) ?? pipeline.stages.length
  const bytes = v8.serialize(pipeline.runStages(pipeline.begin(task.input), 0, cut))
  const state = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  return {
    state,
    preset: task.preset,
    hash: task.hash ?? contentHash(task.input.text),
    ...(task.source === undefined ? {} : { source: task.source }),
  }
}

/** The rest of the analysis of a document from {@link analyzeFront}, and its rows. */
export function analyzeBack(half: HalfAnalyzed): AnalyzedDocument {
  const pipeline = pipelineFor(half.preset, { validate: false })
  const state = v8.deserialize(new Uint8Array(half.state)) as PipelineState
  return rowsOf(
    pipeline.finish(pipeline.runStages(state, state.next, pipeline.stages.length)),
    half.hash,
    half.source,
  )
}

/**
 * Lets the event loop turn before a pool task runs. piscina starts every task a worker holds in one go,
 * and each replies after its handler's promise settles: synchronous handlers ran all the held tasks
 * before the first reply left. Waiting for `setImmediate` first runs them one per turn, so each result
 * leaves as soon as it is ready: the second half of the pipeline starts on a document while the first
 * half goes on with the next, instead of both waiting for a whole round.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** {@link analyzeFront} as a pool task (see {@link nextTurn}). */
export async function analyzeFrontTask(task: AnalyzeTask): Promise<HalfAnalyzed> {
  await nextTurn()
  return analyzeFront(task)
}

/** {@link analyzeBack} as a pool task. */
export async function analyzeBackTask(half: HalfAnalyzed): Promise<AnalyzedDocument> {
  await nextTurn()
  return analyzeBack(half)
}

/** {@link analyzeTask} as a pool task. */
export async function analyzeWholeTask(task: AnalyzeTask): Promise<AnalyzedDocument> {
  await nextTurn()
  return analyzeTask(task)
}

export default analyzeTask
