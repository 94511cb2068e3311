/** Public library entry point. */
export { analyze, pipelineFor } from './analyze.js'
export { presets } from './presets.js'
export { createPipeline, type DocumentInput, type Pipeline } from './pipeline/pipeline.js'
export { defineStage, type Stage, type StageContext } from './pipeline/stage.js'
export { AnalysisSchema, SCHEMA_ID, analysisJsonSchema, type Analysis } from './model/analysis.js'
export * from './model/layers.js'
export { DocView } from './model/doc-view.js'
export type { Span } from './model/span.js'
