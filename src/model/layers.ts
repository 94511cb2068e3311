/**
 * The standoff layers of `claimtrail/analysis@1`, as zod schemas: the one source of the TS types,
 * of validation and of `schema/analysis.schema.json`. Field names here are a public contract
 * (tools outside the project read them): change them only through a new schema version.
 */
import { z } from 'zod'
import { ATTRIBUTION_MODES } from './attribution-modes.js'

const offset = z.number().int().nonnegative()

export const SpanSchema = z.object({ start: offset, end: offset })

/** Which stage and rule (or model) made an annotation, and how sure it is. */
export const ProvenanceSchema = z.object({
  stage: z.string(),
  rule: z.string(),
  score: z.number().optional(),
})
export type Provenance = z.infer<typeof ProvenanceSchema>

export const ENTITY_TYPES = [
  'PERSON',
  'ORG',
  'GPE',
  'LOC',
  'FAC',
  'NORP',
  'EVENT',
  'PRODUCT',
  'WORK_OF_ART',
  'LAW',
  'LANGUAGE',
  'MISC',
] as const
export const EntityTypeSchema = z.enum(ENTITY_TYPES)
export type EntityType = z.infer<typeof EntityTypeSchema>

export const MentionId = z.templateLiteral(['m', z.number().int()])
export const EntityId = z.templateLiteral(['e', z.number().int()])
export const AttributionId = z.templateLiteral(['a', z.number().int()])
export const TimeId = z.templateLiteral(['t', z.number().int()])
export const TechniqueId = z.templateLiteral(['p', z.number().int()])
export const ClaimId = z.templateLiteral(['c', z.number().int()])
export type MentionId = z.infer<typeof MentionId>
export type EntityId = z.infer<typeof EntityId>
export type AttributionId = z.infer<typeof AttributionId>

export const BLOCK_KINDS = ['title', 'heading', 'paragraph', 'blockquote', 'caption', 'list-item'] as const
export const BlockSchema = z.object({ start: offset, end: offset, kind: z.enum(BLOCK_KINDS) })
export type Block = z.infer<typeof BlockSchema>
export type BlockKind = Block['kind']

export const SentenceSchema = z.object({ start: offset, end: offset })
export type Sentence = z.infer<typeof SentenceSchema>

export const MENTION_KINDS = ['name', 'acronym', 'nominal', 'pronoun'] as const
export const MentionSchema = z.object({
  id: MentionId,
  start: offset,
  end: offset,
  type: EntityTypeSchema,
  kind: z.enum(MENTION_KINDS),
  entity: EntityId.nullable(),
})
export type Mention = z.infer<typeof MentionSchema>
export type MentionKind = Mention['kind']

export const EntitySchema = z.object({
  id: EntityId,
  type: EntityTypeSchema,
  /** Canonical name: the longest full name in the document, titles stripped. */
  name: z.string(),
  /** Titles and roles found on the entity's mentions ("Major General", "Chief Commander of …"). */
  titles: z.array(z.string()),
  mentions: z.array(MentionId),
})
export type Entity = z.infer<typeof EntitySchema>

export { ATTRIBUTION_MODES }
/**
 * How the outlet's cue frames the speaker: `neutral` ("said", "according to"), `distancing` ("claimed",
 * "alleged", "insisted"), `acknowledging` ("admitted", "conceded"), `belief` ("believes", "thinks", "hopes").
 */
export const ATTRIBUTION_STANCES = ['neutral', 'distancing', 'acknowledging', 'belief'] as const
export const AttributionSchema = z.object({
  id: AttributionId,
  mode: z.enum(ATTRIBUTION_MODES),
  cue: SpanSchema.nullable(),
  content: SpanSchema,
  /** The local source mention ("he", "Salami", "The IRGC chief commander"); null when the text has none. */
  source: SpanSchema.nullable(),
  /** The resolved entity behind the source; null only when there is no source at all. */
  speaker: EntityId.nullable(),
  /** The attribution whose content holds this one (nested speech). */
  parent: AttributionId.nullable(),
  /** The cue's stance (ATTRIBUTION_STANCES); optional, absent in analyses written before it existed. */
  stance: z.enum(ATTRIBUTION_STANCES).optional(),
  prov: ProvenanceSchema,
})
export type Attribution = z.infer<typeof AttributionSchema>
export type AttributionStance = NonNullable<Attribution['stance']>
export type AttributionMode = Attribution['mode']

/**
 * Calendar fields of a time value. In `known` they are what the text states; in `implied` what the
 * anchor (publication date or an earlier mention) fills in. A field absent from both is unknown.
 */
export const TimeFieldsSchema = z
  .object({
    year: z.number().int(),
    month: z.number().int(),
    day: z.number().int(),
    weekday: z.number().int(),
    hour: z.number().int(),
    minute: z.number().int(),
    second: z.number().int(),
    week: z.number().int(),
    quarter: z.number().int(),
    half: z.number().int(),
    decade: z.number().int(),
    century: z.number().int(),
    season: z.enum(['SP', 'SU', 'FA', 'WI']),
    partOfDay: z.enum(['MO', 'AF', 'EV', 'NI', 'DT']),
    /** "early 2022", "mid-August", "late 1990s". */
    part: z.enum(['early', 'mid', 'late']),
    timezone: z.string(),
  })
  .partial()
  .strict()
export type TimeFields = z.infer<typeof TimeFieldsSchema>

export const TIME_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const
export const TimeExprSchema = z.object({
  id: TimeId,
  start: offset,
  end: offset,
  type: z.enum(TIME_TYPES),
  /** TIMEX3 value: `2022-08`, `2022-W32`, `P1W`, `PRESENT_REF`, `XXXX-08`… */
  value: z.string(),
  known: TimeFieldsSchema,
  implied: TimeFieldsSchema,
  prov: ProvenanceSchema,
})
export type TimeExpr = z.infer<typeof TimeExprSchema>
export type TimeType = TimeExpr['type']

export const TECHNIQUES = [
  'appeal_to_authority',
  'appeal_to_fear_prejudice',
  'bandwagon_reductio_ad_hitlerum',
  'black_and_white_fallacy',
  'causal_oversimplification',
  'doubt',
  'exaggeration_minimisation',
  'flag_waving',
  'loaded_language',
  'name_calling_labeling',
  'repetition',
  'slogans',
  'thought_terminating_cliches',
  'whataboutism_straw_men_red_herring',
] as const
export const TechniqueSchema = z.object({
  id: TechniqueId,
  start: offset,
  end: offset,
  technique: z.enum(TECHNIQUES),
  score: z.number(),
  /** The attribution whose content holds the span (the voice using the technique); null: the outlet's own voice. */
  attribution: AttributionId.nullable(),
  /** The words in or around the span that weighed most for the decision, so a reader sees why. */
  cues: z.array(z.string()).optional(),
  prov: ProvenanceSchema,
})
export type Technique = z.infer<typeof TechniqueSchema>

export const ClaimSchema = z.object({
  id: ClaimId,
  start: offset,
  end: offset,
  attribution: AttributionId.nullable(),
  checkworthiness: z.number().min(0).max(1),
  prov: ProvenanceSchema,
})
export type Claim = z.infer<typeof ClaimSchema>
