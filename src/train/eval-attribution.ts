/**
 * Attribution evaluation on PolNeAR-style JSONL (one document a line: `text`, `attributions` with
 * `[start, end)` `content` / `cue` / `source` covering spans). Runs the full pipeline on each document
 * and scores:
 *   (a) content match: predicted and gold contents pair one-to-one when their word Jaccard is >= 0.5
 *       (greedy, best Jaccard first);
 *   (b) exact-span P/R/F1 for source, cue and content separately and unlinked (as CofeNet scores), with
 *       all predictions and again with nested predictions removed (PolNeAR annotates no nesting).
 *
 * @example
 * const result = evalAttribution({ dataFile: '/work/shared/data/attribution/polnear-dev.jsonl', limit: 20 })
 * console.log(formatAttributionEval(result))
 */
import { readFileSync } from 'node:fs'
import type { Attribution } from '../model/layers.js'
import type { Span } from '../model/span.js'
import { createPipeline } from '../pipeline/pipeline.js'
import type { AnyStage } from '../pipeline/stage.js'
import { presets } from '../presets.js'

/** One gold attribution of the JSONL data: `[start, end)` character spans. */
export interface GoldAttribution {
  content: [number, number]
  cue: [number, number] | null
  source: [number, number] | null
}
/** One document of the JSONL data. */
export interface GoldDoc {
  id: string
  text: string
  attributions: GoldAttribution[]
  meta?: { publication_date?: string; title?: string }
}

export interface PRF {
  tp: number
  predicted: number
  gold: number
  precision: number
  recall: number
  f1: number
}

export interface Failure {
  doc: string
  kind: 'missed' | 'spurious' | 'boundary'
  /** The sentence(s) around the span, with the content in [[…]], cue in {…} and source in <…>. */
  marked: string
  rule?: string
}

export interface AttributionEvalResult {
  docs: number
  contentMatch: PRF
  exact: { source: PRF; cue: PRF; content: PRF }
  exactTopLevel: { source: PRF; cue: PRF; content: PRF }
  /** Content-match precision per finder rule. */
  byRule: Record<string, PRF>
  failures: Failure[]
}

const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? [])
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let inter = 0
  for (const w of a) if (b.has(w)) inter++
  return inter / (a.size + b.size - inter)
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0
  const recall = gold ? tp / gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { tp, predicted, gold, precision, recall, f1 }
}

/** Multiset intersection size of two span lists. */
function exactMatches(pred: readonly Span[], gold: readonly Span[]): number {
  const counts = new Map<string, number>()
  for (const g of gold) counts.set(`${g.start}:${g.end}`, (counts.get(`${g.start}:${g.end}`) ?? 0) + 1)
  let tp = 0
  for (const p of pred) {
    const key = `${p.start}:${p.end}`
    const c = counts.get(key) ?? 0
    if (c > 0) {
      tp++
      counts.set(key, c - 1)
    }
  }
  return tp
}

const toSpan = (pair: [number, number] | null): Span | null =>
  pair ? { start: pair[0], end: pair[1] } : null

/** The text around `span` (±1 sentence-ish window), with content, cue and source marked. */
function mark(text: string, content: Span, cue: Span | null, source: Span | null): string {
  const from = Math.max(0, Math.min(content.start, cue?.start ?? Infinity, source?.start ?? Infinity) - 60)
  const to = Math.min(text.length, Math.max(content.end, cue?.end ?? 0, source?.end ?? 0) + 40)
  const inserts: [number, string][] = [
    [content.start, '[['],
    [content.end, ']]'],
  ]
  if (cue) inserts.push([cue.start, '{'], [cue.end, '}'])
  if (source) inserts.push([source.start, '<'], [source.end, '>'])
  inserts.sort((a, b) => b[0] - a[0])
  let out = text.slice(from, to)
  for (const [at, s] of inserts)
    if (at >= from && at <= to) out = out.slice(0, at - from) + s + out.slice(at - from)
  return out.replace(/\s+/g, ' ')
}

export function evalAttribution(opts: {
  dataFile: string
  limit?: number
  stages?: readonly AnyStage[]
  /** Per-stage options, e.g. `{ attribution: { model: dir } }` to score a freshly trained model. */
  options?: Record<string, unknown>
}): AttributionEvalResult {
  const lines = readFileSync(opts.dataFile, 'utf8').split('\n').filter(Boolean)
  const docs = lines.slice(0, opts.limit ?? lines.length).map((l) => JSON.parse(l) as GoldDoc)
  const pipeline = createPipeline(opts.stages ?? presets.full, {
    validate: false,
    ...(opts.options ? { options: opts.options } : {}),
  })
  let cmTp = 0
  let cmPred = 0
  let cmGold = 0
  type Counts = [tp: number, predicted: number, gold: number]
  const ex: Record<'source' | 'cue' | 'content', Counts> = {
    source: [0, 0, 0],
    cue: [0, 0, 0],
    content: [0, 0, 0],
  }
  const exTop: Record<'source' | 'cue' | 'content', Counts> = {
    source: [0, 0, 0],
    cue: [0, 0, 0],
    content: [0, 0, 0],
  }
  const rules = new Map<string, [number, number]>()
  const failures: Failure[] = []

  for (const doc of docs) {
    const published = doc.meta?.publication_date ?? null
    const analysis = pipeline.run({
      id: doc.id,
      text: doc.text,
      meta: { published, title: doc.meta?.title ?? null },
    })
    const pred = analysis.attributions
    const gold = doc.attributions

    // (a) content match, greedy by best Jaccard
    const pw = pred.map((p) => words(doc.text.slice(p.content.start, p.content.end)))
    const gw = gold.map((g) => words(doc.text.slice(g.content[0], g.content[1])))
    const pairs: [number, number, number][] = []
    pw.forEach((p, i) =>
      gw.forEach((g, j) => {
        const jac = jaccard(p, g)
        if (jac >= 0.5) pairs.push([jac, i, j])
      }),
    )
    pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
    const predMatched = new Map<number, number>()
    const goldMatched = new Set<number>()
    for (const [, i, j] of pairs) {
      if (predMatched.has(i) || goldMatched.has(j)) continue
      predMatched.set(i, j)
      goldMatched.add(j)
    }
    cmTp += predMatched.size
    cmPred += pred.length
    cmGold += gold.length
    pred.forEach((p, i) => {
      const r = rules.get(p.prov.rule) ?? [0, 0]
      r[1]++
      if (predMatched.has(i)) r[0]++
      rules.set(p.prov.rule, r)
    })

    // (b) exact spans, unlinked
    const score = (acc: typeof ex, preds: readonly Attribution[]) => {
      for (const field of ['source', 'cue', 'content'] as const) {
        const ps = preds.map((p) => p[field]).filter((s): s is Span => s !== null)
        const gs = gold.map((g) => toSpan(g[field])).filter((s): s is Span => s !== null)
        acc[field][0] += exactMatches(ps, gs)
        acc[field][1] += ps.length
        acc[field][2] += gs.length
      }
    }
    score(ex, pred)
    score(
      exTop,
      pred.filter((p) => p.parent === null),
    )

    // failures, a few per document
    gold.forEach((g, j) => {
      if (goldMatched.has(j)) return
      failures.push({
        doc: doc.id,
        kind: 'missed',
        marked: mark(doc.text, toSpan(g.content) as Span, toSpan(g.cue), toSpan(g.source)),
      })
    })
    pred.forEach((p, i) => {
      const j = predMatched.get(i)
      if (j === undefined) {
        failures.push({
          doc: doc.id,
          kind: 'spurious',
          rule: p.prov.rule,
          marked: mark(doc.text, p.content, p.cue, p.source),
        })
        return
      }
      const g = gold[j] as GoldAttribution
      if (g.content[0] !== p.content.start || g.content[1] !== p.content.end) {
        failures.push({
          doc: doc.id,
          kind: 'boundary',
          rule: p.prov.rule,
          marked: `pred: ${mark(doc.text, p.content, p.cue, p.source)}\n      gold: ${mark(doc.text, toSpan(g.content) as Span, toSpan(g.cue), toSpan(g.source))}`,
        })
      }
    })
  }
  const asPrf = (a: Counts) => prf(a[0], a[1], a[2])
  return {
    docs: docs.length,
    contentMatch: prf(cmTp, cmPred, cmGold),
    exact: { source: asPrf(ex.source), cue: asPrf(ex.cue), content: asPrf(ex.content) },
    exactTopLevel: { source: asPrf(exTop.source), cue: asPrf(exTop.cue), content: asPrf(exTop.content) },
    byRule: Object.fromEntries([...rules].sort().map(([rule, [tp, n]]) => [rule, prf(tp, n, n)])),
    failures,
  }
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
const line = (name: string, p: PRF) =>
  `  ${name.padEnd(16)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (tp ${p.tp}, pred ${p.predicted}, gold ${p.gold})`

/**
 * A plain-text report: scores, per-rule precision, and up to `examples` failures of each kind.
 *
 * @example console.log(formatAttributionEval(evalAttribution({ dataFile: 'polnear-dev.jsonl' })))
 */
export function formatAttributionEval(result: AttributionEvalResult, examples = 5): string {
  const out = [
    `attribution eval on ${result.docs} documents`,
    'content match (word Jaccard >= 0.5, one-to-one):',
    line('content', result.contentMatch),
  ]
  out.push('exact spans, unlinked (all predictions):')
  for (const f of ['source', 'cue', 'content'] as const) out.push(line(f, result.exact[f]))
  out.push('exact spans, unlinked (nested predictions removed):')
  for (const f of ['source', 'cue', 'content'] as const) out.push(line(f, result.exactTopLevel[f]))
  out.push('content-match precision by rule:')
  for (const [rule, p] of Object.entries(result.byRule))
    out.push(`  ${rule.padEnd(16)} ${pct(p.precision)}  (${p.tp}/${p.predicted})`)
  for (const kind of ['missed', 'spurious', 'boundary'] as const) {
    const some = result.failures.filter((f) => f.kind === kind)
    out.push(`${kind} (${some.length}), e.g.:`)
    // spread the examples over the data rather than the first document
    const step = Math.max(1, Math.floor(some.length / examples))
    for (let i = 0; i < some.length && i / step < examples; i += step) {
      const f = some[i] as Failure
      out.push(`  - ${f.doc}${f.rule ? ` [${f.rule}]` : ''}\n      ${f.marked}`)
    }
  }
  return out.join('\n')
}
