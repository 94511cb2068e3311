/**
 * The API's input schemas (zod, like the rest of the project): request bodies and query strings are
 * parsed here, so routes receive typed, checked values and a bad field is a 400 naming the field.
 */
import { z } from 'zod'
import { ATTRIBUTION_MODES } from '../model/layers.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Date.parse accepts 2022-02-30 (it rolls over to March); a round trip through UTC does not. */
function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** A calendar date as YYYY-MM-DD that is also a real day (2022-02-30 is refused). */
const isoDate = z
  .string()
  .regex(DATE, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a calendar date')

/**
 * `POST /api/analyze`: exactly one of `text`, `html` or `url`, with optional metadata overrides.
 *
 * @example AnalyzeRequestSchema.parse({ text: 'Salami said the war is over.', published: '2022-09-01' })
 */
export const AnalyzeRequestSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** Publication date; relative times ("on Tuesday") are resolved against it. */
    published: isoDate.nullable().optional(),
    title: z.string().max(1000).nullable().optional(),
    outlet: z.string().max(200).nullable().optional(),
    /** Plain text only: read the first paragraph as the title. */
    titleFirstLine: z.boolean().optional(),
    /** Also store the analysis in the corpus; the response then carries `stored: { id, status }`. */
    save: z.boolean().optional(),
  })
  .strict()
  .refine(
    (body) => [body.text, body.html, body.url].filter((v) => v !== undefined).length === 1,
    'give exactly one of "text", "html" or "url"',
  )
export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>

/** Optional query string value: an empty parameter (`?from=`) means "not given". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

/** Filters shared by search, speaker and entity pages. */
const filterShape = {
  speaker: optionalParam(z.string().max(200)),
  entity: optionalParam(z.string().max(200)),
  outlet: optionalParam(z.string().max(200)),
  from: optionalParam(isoDate),
  to: optionalParam(isoDate),
  mode: optionalParam(z.enum(ATTRIBUTION_MODES)),
}

/**
 * `GET /api/search`: `q` (words, "phrases", -excluded, a OR b), filters, the target and paging.
 *
 * @example SearchParamsSchema.parse({ q: 'West Bank', mode: 'direct', limit: '10' })
 */
export const SearchParamsSchema = z
  .object({
    q: optionalParam(z.string().max(1000)),
    ...filterShape,
    in: optionalParam(z.enum(['statements', 'documents'])),
    limit: optionalParam(count(1, 200)),
    offset: optionalParam(count(0, 1_000_000)),
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), '"from" is after "to"')
export type SearchParams = z.infer<typeof SearchParamsSchema>

/** `GET /api/speakers`: filters (no speaker), an optional breakdown and a limit. */
export const SpeakersParamsSchema = z.object({
  entity: filterShape.entity,
  outlet: filterShape.outlet,
  from: filterShape.from,
  to: filterShape.to,
  mode: filterShape.mode,
  by: optionalParam(z.enum(['outlet', 'month', 'year'])),
  limit: optionalParam(count(1, 1000)),
})
export type SpeakersParams = z.infer<typeof SpeakersParamsSchema>

/** `GET /api/techniques`: whose techniques (speakers, or outlets in their own voice), filters and a limit. */
export const TechniquesParamsSchema = z
  .object({
    by: optionalParam(z.enum(['speaker', 'outlet'])),
    speaker: filterShape.speaker,
    outlet: filterShape.outlet,
    from: filterShape.from,
    to: filterShape.to,
    limit: optionalParam(count(1, 1000)),
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), '"from" is after "to"')
export type TechniquesParams = z.infer<typeof TechniquesParamsSchema>

/**
 * `GET /api/claims`: `q` (words in the claim), speaker, outlet and date filters, a minimum
 * check-worthiness (`min`, 0–1) and paging.
 *
 * @example ClaimsParamsSchema.parse({ q: 'asylum', min: '0.7', from: '2015-09-01' })
 */
export const ClaimsParamsSchema = z
  .object({
    q: optionalParam(z.string().max(1000)),
    speaker: filterShape.speaker,
    outlet: filterShape.outlet,
    from: filterShape.from,
    to: filterShape.to,
    min: optionalParam(z.coerce.number().min(0).max(1)),
    limit: optionalParam(count(1, 200)),
    offset: optionalParam(count(0, 1_000_000)),
  })
  .refine((p) => !(p.from && p.to && p.from > p.to), '"from" is after "to"')
export type ClaimsParams = z.infer<typeof ClaimsParamsSchema>

/** `GET /api/speakers/:name` and `GET /api/entities/:key`: the filters that narrow one page. */
export const PageFiltersSchema = z.object({
  outlet: filterShape.outlet,
  from: filterShape.from,
  to: filterShape.to,
  mode: filterShape.mode,
})
export type PageFilters = z.infer<typeof PageFiltersSchema>

/** A stored document's id in a path: a positive integer. */
export const DocumentIdSchema = z.coerce.number().int().min(1)

/**
 * Copies the set fields only, so optional properties are absent rather than `undefined`
 * (`exactOptionalPropertyTypes`), ready for the store's query types.
 *
 * @example definedOnly({ a: 1, b: undefined }) // { a: 1 }
 */
export function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}
