/**
 * `claimtrail eval extraction`: main-text quality of `fromHtml` on trafilatura's evaluation pages
 * (../shared/data/extraction/trafilatura-eval). Each page lists snippets the main text must contain (`with`)
 * and must not contain (`without`: navigation, footers, comments). We count them as trafilatura's own
 * evaluation does: a `with` snippet found is a true positive, missed a false negative; a `without` snippet
 * found is a false positive, absent a true negative. Whitespace is collapsed on both sides before matching.
 * Metadata is scored where the manifest has it (date exact, title and author loosely).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { ClaimtrailError } from '../errors.js'
import { IngestError } from '../ingest/errors.js'
import { fromHtml } from '../ingest/html/from-html.js'
import { parseDocument } from '../ingest/html/parse.js'
import { decodeBytes } from '../ingest/decode.js'
import { sniffHtmlCharset } from '../ingest/html/charset.js'

interface ManifestRow {
  id: string
  url: string
  html_file: string
  with: string[]
  without: string[]
  /** Usually strings; some rows hold lists or nothing, which are not scored. */
  title?: unknown
  author?: unknown
  date?: unknown
}

export interface SnippetScores {
  truePositives: number
  falseNegatives: number
  falsePositives: number
  trueNegatives: number
  precision: number
  recall: number
  f1: number
  accuracy: number
}

export interface ExtractionEvalResult {
  data: string
  pages: number
  /** Our canonical text (blocks built from Readability's DOM). */
  ours: SnippetScores
  /** Readability's own `textContent` on the same pages, when `baseline` was asked for. */
  readability: SnippetScores | null
  /** Pages ingest refused, by IngestError code. */
  errors: Record<string, number>
  /** Pages where Readability found nothing and the body was used. */
  fallbacks: number
  metadata: {
    date: { correct: number; total: number }
    title: { correct: number; total: number }
    author: { correct: number; total: number }
  }
  /** Wall-clock milliseconds for `fromHtml` (not deterministic; for orientation only). */
  timing: { totalMs: number; meanMs: number; slowest: { id: string; ms: number } | null }
  /** Pages with the most missed `with` snippets, for debugging. */
  worst: { id: string; missed: number; leaked: number }[]
}

export const DEFAULT_EXTRACTION_DIR = '../shared/data/extraction/trafilatura-eval'

const SPACES = /\s+/g
const NOT_WORD = /[^\p{L}\p{N}]+/gu

function squash(s: string): string {
  return s.replace(SPACES, ' ').trim()
}

function loose(s: string): string {
  return s.toLowerCase().replace(NOT_WORD, '')
}

class Counter {
  tp = 0
  fn = 0
  fp = 0
  tn = 0
  add(text: string, row: ManifestRow): { missed: number; leaked: number } {
    let missed = 0
    let leaked = 0
    for (const snippet of row.with) {
      if (text.includes(squash(snippet))) this.tp++
      else {
        this.fn++
        missed++
      }
    }
    for (const snippet of row.without) {
      if (text.includes(squash(snippet))) {
        this.fp++
        leaked++
      } else this.tn++
    }
    return { missed, leaked }
  }
  scores(): SnippetScores {
    const precision = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0
    const recall = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0
    const total = this.tp + this.fn + this.fp + this.tn
    return {
      truePositives: this.tp,
      falseNegatives: this.fn,
      falsePositives: this.fp,
      trueNegatives: this.tn,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      accuracy: total ? (this.tp + this.tn) / total : 0,
    }
  }
}

/** Readability's plain `textContent` for the baseline, decoded the same way as ours. */
function readabilityText(bytes: Uint8Array): string {
  const html = decodeBytes(bytes, { declared: sniffHtmlCharset(bytes) }).text
  const article = new Readability(parseDocument(html).document).parse()
  return article?.textContent ?? ''
}

/**
 * Runs `fromHtml` over the trafilatura evaluation pages and scores the main text and metadata.
 *
 * @example
 * const result = await evalExtraction({ dir: '../shared/data/extraction/trafilatura-eval', limit: 200 })
 * console.log(formatExtractionEval(result))
 */
export async function evalExtraction(opts: {
  dir?: string
  limit?: number
  baseline?: boolean
}): Promise<ExtractionEvalResult> {
  const dir = opts.dir ?? DEFAULT_EXTRACTION_DIR
  const manifest = path.join(dir, 'manifest.jsonl')
  if (!existsSync(manifest)) throw new ClaimtrailError('CT0401', { path: dir })
  const rows = readFileSync(manifest, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestRow)
    .slice(0, opts.limit ?? Infinity)

  const ours = new Counter()
  const baseline = opts.baseline ? new Counter() : null
  const errors: Record<string, number> = {}
  const metadata = {
    date: { correct: 0, total: 0 },
    title: { correct: 0, total: 0 },
    author: { correct: 0, total: 0 },
  }
  const worst: ExtractionEvalResult['worst'] = []
  let fallbacks = 0
  let totalMs = 0
  let slowest: { id: string; ms: number } | null = null

  for (const row of rows) {
    const bytes = gunzipSync(readFileSync(path.join(dir, row.html_file)))
    const started = performance.now()
    let text = ''
    let meta: { published?: string | null; title?: string | null; byline?: string | null } = {}
    try {
      const doc = fromHtml(bytes, { url: row.url })
      text = squash(doc.text)
      meta = doc.meta ?? {}
      if (doc.diagnostics?.some((d) => d.rule === 'readability-fallback')) fallbacks++
    } catch (error) {
      if (!(error instanceof IngestError)) throw error
      errors[error.code] = (errors[error.code] ?? 0) + 1
    }
    const ms = performance.now() - started
    totalMs += ms
    if (!slowest || ms > slowest.ms) slowest = { id: row.id, ms }

    const { missed, leaked } = ours.add(text, row)
    if (missed + leaked > 0) worst.push({ id: row.id, missed, leaked })
    if (baseline) baseline.add(squash(readabilityText(bytes)), row)

    if (typeof row.date === 'string' && row.date) {
      metadata.date.total++
      if (meta.published === row.date) metadata.date.correct++
    }
    if (typeof row.title === 'string' && row.title) {
      metadata.title.total++
      if (meta.title && loose(meta.title) === loose(row.title)) metadata.title.correct++
    }
    if (typeof row.author === 'string' && row.author) {
      metadata.author.total++
      if (meta.byline && loose(meta.byline).includes(loose(row.author))) metadata.author.correct++
    }
  }

  worst.sort((a, b) => b.missed - a.missed || b.leaked - a.leaked || a.id.localeCompare(b.id))
  return {
    data: dir,
    pages: rows.length,
    ours: ours.scores(),
    readability: baseline?.scores() ?? null,
    errors,
    fallbacks,
    metadata,
    timing: { totalMs, meanMs: rows.length ? totalMs / rows.length : 0, slowest },
    worst: worst.slice(0, 10),
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}`
const ratio = (r: { correct: number; total: number }): string =>
  `${r.correct}/${r.total} (${r.total ? pct(r.correct / r.total) : '–'}%)`

function scoreLine(name: string, s: SnippetScores): string {
  return `${name.padEnd(12)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  acc ${pct(s.accuracy)}  (tp ${s.truePositives}, fn ${s.falseNegatives}, fp ${s.falsePositives}, tn ${s.trueNegatives})`
}

/**
 * A short report of an extraction evaluation.
 *
 * @example console.log(formatExtractionEval(await evalExtraction({ limit: 100 })))
 */
export function formatExtractionEval(result: ExtractionEvalResult): string {
  const lines = [
    `extraction on ${result.pages} pages from ${result.data}`,
    scoreLine('claimtrail', result.ours),
  ]
  if (result.readability) lines.push(scoreLine('readability', result.readability))
  const errors = Object.entries(result.errors)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  lines.push(
    `refused pages: ${errors || 'none'}; Readability fallbacks: ${result.fallbacks}`,
    `metadata: date ${ratio(result.metadata.date)}, title ${ratio(result.metadata.title)}, author ${ratio(result.metadata.author)}`,
    `time: ${result.timing.meanMs.toFixed(1)} ms/page mean, slowest ${result.timing.slowest?.id ?? '–'} (${result.timing.slowest?.ms.toFixed(0) ?? 0} ms)`,
    `most missed: ${result.worst
      .slice(0, 5)
      .map((w) => `${w.id} (-${w.missed}/+${w.leaked})`)
      .join(', ')}`,
  )
  return lines.join('\n')
}
