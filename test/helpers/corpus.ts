/**
 * The golden corpus (STYLE §5a): test/corpus/<slug>/ with source.txt, meta.json, gold.json and the
 * expected.json snapshot. Shared by test/corpus.test.ts, test/properties.test.ts and
 * scripts/corpus-update.ts, so the snapshot is made from exactly the input the tests use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { AnalysisSchema, type Analysis } from '../../src/model/analysis.js'
import type { Block } from '../../src/model/layers.js'
import type { DocumentInput } from '../../src/pipeline/pipeline.js'
import { GoldFileSchema, type GoldFact } from './gold.js'

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus')

export const CorpusMetaSchema = z.object({
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  /** Publication date, YYYY-MM-DD: the anchor for relative times. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string().nullable().default(null),
  /** The first paragraph (or line, for line-per-paragraph sources) is the headline. */
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
  /** The snapshot file's text, as committed (compared byte for byte). */
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

const BLANK_LINE = /\n[^\S\n]*\n/g

/**
 * Paragraph blocks of a plain text (runs of lines between blank lines, trimmed), the first one a
 * title when asked; with `titleFirstLine` only the first line is the title.
 */
export function paragraphBlocks(text: string, titleFirstLine: boolean): Block[] {
  const blocks: Block[] = []
  const push = (start: number, end: number): void => {
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s] as string)) s++
    while (e > s && /\s/.test(text[e - 1] as string)) e--
    if (s >= e) return
    if (titleFirstLine && blocks.length === 0) {
      const newline = text.indexOf('\n', s)
      if (newline !== -1 && newline < e) {
        blocks.push({ start: s, end: newline, kind: 'title' })
        push(newline + 1, e)
        return
      }
      blocks.push({ start: s, end: e, kind: 'title' })
      return
    }
    blocks.push({ start: s, end: e, kind: 'paragraph' })
  }
  let from = 0
  BLANK_LINE.lastIndex = 0
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    push(from, m.index)
    from = m.index + m[0].length
  }
  push(from, text.length)
  return blocks
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
  if (!existsSync(join(dir, 'source.txt'))) {
    throw new Error(`${dir}: only source.txt documents are supported so far (source.html needs ingest)`)
  }
  const text = read('source.txt')
  const meta = parse('meta.json', CorpusMetaSchema)
  const gold = existsSync(join(dir, 'gold.json')) ? parse('gold.json', GoldFileSchema) : []
  const expectedJson = existsSync(join(dir, 'expected.json')) ? read('expected.json') : null
  const expected = expectedJson === null ? null : parse('expected.json', AnalysisSchema)
  const blocks = paragraphBlocks(text, meta.titleFirstLine)
  const first = blocks[0]
  const title = meta.title ?? (meta.titleFirstLine && first ? text.slice(first.start, first.end) : null)
  const input: DocumentInput = {
    id: slug,
    text,
    blocks,
    meta: { published: meta.published, url: meta.url, outlet: meta.outlet, title, language: 'en' },
  }
  return { slug, dir, text, meta, gold, expected, expectedJson, input }
}

/** The snapshot file's text: the analysis as the pipeline built it, two-space indent, final newline. */
export function snapshotJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
