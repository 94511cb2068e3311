/**
 * The worker-thread side of the ingest pool: analyses one document and computes what the store needs
 * beside it (content hash, MinHash signature), so the main thread only reads sources and writes rows.
 */
import { pipelineFor } from '../analyze.js'
import type { Analysis } from '../model/analysis.js'
import type { DocumentInput } from '../pipeline/pipeline.js'
import type { PresetName } from '../presets.js'
import { minhash } from '../store/near-duplicates.js'
import { contentHash } from '../store/rows.js'

export interface AnalyzeTask {
  input: DocumentInput
  preset: PresetName
}

export interface AnalyzedDocument {
  analysis: Analysis
  hash: string
  signature: Uint32Array
}

/**
 * Analyses one document (the pipeline is built once per thread and reused).
 *
 * @example const { analysis, hash } = analyzeTask({ input: { text }, preset: 'full' })
 */
export function analyzeTask(task: AnalyzeTask): AnalyzedDocument {
  const analysis = pipelineFor(task.preset, { validate: false }).run(task.input)
  return { analysis, hash: contentHash(analysis.document.text), signature: minhash(analysis.document.text) }
}

export default analyzeTask
