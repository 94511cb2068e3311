/**
 * `claimtrail/analysis@1`: the document's frozen text plus its standoff layers. This zod schema is
 * the source of the TS types, of runtime validation and of `schema/analysis.schema.json`.
 */
import { z } from 'zod'
import { DiagnosticSchema } from './diagnostics.js'
import {
  AttributionSchema,
  BlockSchema,
  ClaimSchema,
  EntitySchema,
  MentionSchema,
  SentenceSchema,
  TechniqueSchema,
  TimeExprSchema,
} from './layers.js'

export const SCHEMA_ID = 'claimtrail/analysis@1'

export const DocumentMetaSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  language: z.string().nullable(),
})
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>

export const AnalysisProvenanceSchema = z.object({
  engine: z.string(),
  stages: z.record(z.string(), z.number().int()),
  models: z.record(z.string(), z.string()),
})

export const AnalysisSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  id: z.string().nullable(),
  document: DocumentMetaSchema,
  blocks: z.array(BlockSchema),
  sentences: z.array(SentenceSchema),
  mentions: z.array(MentionSchema),
  entities: z.array(EntitySchema),
  attributions: z.array(AttributionSchema),
  times: z.array(TimeExprSchema),
  techniques: z.array(TechniqueSchema),
  claims: z.array(ClaimSchema),
  diagnostics: z.array(DiagnosticSchema),
  provenance: AnalysisProvenanceSchema,
})
export type Analysis = z.infer<typeof AnalysisSchema>

/** The JSON Schema of `claimtrail/analysis@1`, for tools outside the project and the API docs. */
export function analysisJsonSchema(): unknown {
  return z.toJSONSchema(AnalysisSchema, { target: 'draft-2020-12' })
}
