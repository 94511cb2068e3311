/**
 * The worker-thread side of the ingest pool: analyses one document and turns it into the rows the
 * store writes (analysis JSON, content hash, MinHash signature, canonical keys, quote keys), so the
 * main thread only reads sources and writes rows. Rows cross the thread boundary as a few long
 * strings and flat arrays, which clone far faster than the analysis's object graph.
 */
import { pipelineFor } from '../analyze.js'
import type { Analysis } from '../model/analysis.js'
import type { DocumentInput } from '../pipeline/pipeline.js'
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
  return {
    rows: documentRows({
      analysis,
      hash: task.hash ?? contentHash(task.input.text),
      ...(task.source === undefined ? {} : { source: task.source }),
    }),
  }
}

/**
 * Analyses one document (the pipeline is built once per thread and reused).
 *
 * @example const { rows } = analyzeTask({ input: { text }, preset: 'full' })
 */
export function analyzeTask(task: AnalyzeTask): AnalyzedDocument {
  return prepareAnalysis(task, pipelineFor(task.preset, { validate: false }).run(task.input))
}

export default analyzeTask
