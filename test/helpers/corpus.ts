/**
 * The golden corpus (STYLE §5a): test/corpus/<slug>/ with source.txt or source.html, meta.json,
 * gold.json and the expected.json snapshot. Shared by test/corpus.test.ts, test/properties.test.ts and
 * scripts/corpus-update.ts, so the snapshot is made from exactly the input the tests use, and that
 * input comes through ingest as it does for `claimtrail analyze <file>`; meta.json's date, outlet and
 * URL override what ingest found.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { AnalysisSchema, type Analysis } from '../../src/model/analysis.js'
import { fromHtml } from '../../src/ingest/html/from-html.js'
import { fromText } from '../../src/ingest/text.js'
import type { DocumentInput } from '../../src/pipeline/pipeline.js'
import { GoldFileSchema, type GoldFact } from './gold.js'

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus')

export const CorpusMetaSchema = z.object({
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  /** Publication date, YYYY-MM-DD: the anchor for relative times. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string().nullable().default(null),
  /** The first line is the headline (meta.title only: the blocks are ingest's paragraphs). */
  titleFirstLine: z.boolean().default(false),
  licence: z.string(),
  provenance: z.string(),
  why: z.string(),
})
export type CorpusMeta = z.infer<typeof CorpusMetaSchema>

export interface CorpusDoc {
  slug: string
  dir: string
  text: string
  meta: CorpusMeta
  gold: GoldFact[]
  /** The committed snapshot, or null before the first `npm run corpus:update`. */
  expected: Analysis | null
  /** The snapshot file's text, as committed. */
  expectedJson: string | null
  /** What the pipeline is given. */
  input: DocumentInput
}

/** Slugs of every corpus document, sorted. */
export function corpusSlugs(): string[] {
  if (!existsSync(CORPUS_DIR)) return []
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'meta.json')))
    .map((d) => d.name)
    .sort()
}

/** Loads one corpus document (throws with the path when a file is missing or malformed). */
export function loadCorpusDoc(slug: string): CorpusDoc {
  const dir = join(CORPUS_DIR, slug)
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8')
  const parse = <T>(name: string, schema: z.ZodType<T>): T => {
    const result = schema.safeParse(JSON.parse(read(name)))
    if (!result.success) throw new Error(`${join(dir, name)}: ${z.prettifyError(result.error)}`)
    return result.data
  }
  const meta = parse('meta.json', CorpusMetaSchema)
  // the same ingest path as `claimtrail analyze <file>`: bytes in, text and blocks out
  const html = join(dir, 'source.html')
  const ingested = existsSync(html)
    ? fromHtml(readFileSync(html), { url: meta.url, source: html })
    : fromText(readFileSync(join(dir, 'source.txt')), { source: join(dir, 'source.txt') })
  const text = ingested.text
  const gold = existsSync(join(dir, 'gold.json')) ? parse('gold.json', GoldFileSchema) : []
  const expectedJson = existsSync(join(dir, 'expected.json')) ? read('expected.json') : null
  const expected = expectedJson === null ? null : parse('expected.json', AnalysisSchema)
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim()
  const title = meta.title ?? (meta.titleFirstLine ? firstLine : (ingested.meta?.title ?? null))
  const input: DocumentInput = {
    ...ingested,
    id: slug,
    meta: {
      ...ingested.meta,
      published: meta.published,
      url: meta.url ?? ingested.meta?.url ?? null,
      outlet: meta.outlet ?? ingested.meta?.outlet ?? null,
      title,
      language: ingested.meta?.language ?? 'en',
    },
  }
  return { slug, dir, text, meta, gold, expected, expectedJson, input }
}

/** The snapshot file's text: the analysis as the pipeline built it, two-space indent, final newline. */
export function snapshotJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
