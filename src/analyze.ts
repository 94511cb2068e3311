/**
 * The library's front door: analyse one document with a preset pipeline.
 */
import type { Analysis } from './model/analysis.js'
import {
  createPipeline,
  type DocumentInput,
  type Pipeline,
  type PipelineOptions,
} from './pipeline/pipeline.js'
import { presets, type PresetName } from './presets.js'

const cache = new Map<string, Pipeline>()

/** A pipeline for a preset, built (and checked) once per process and options. */
export function pipelineFor(preset: PresetName = 'full', options: PipelineOptions = {}): Pipeline {
  const key = `${preset}:${JSON.stringify(options.options ?? {})}:${options.validate ?? ''}`
  let pipeline = cache.get(key)
  if (!pipeline || options.onDebug || options.profile) {
    pipeline = createPipeline(presets[preset] ?? [], options)
    if (!options.onDebug && !options.profile) cache.set(key, pipeline)
  }
  return pipeline
}

/**
 * Analyses one document.
 *
 * @example
 * const result = analyze({ text: 'Salami said that the war is over.', meta: { published: '2022-09-01' } })
 * result.attributions[0].mode // 'indirect'
 */
export function analyze(
  input: DocumentInput,
  preset: PresetName = 'full',
  options: PipelineOptions = {},
): Analysis {
  return pipelineFor(preset, options).run(input)
}
