/**
 * Scores coref's pronoun resolution on GAP (Webster et al., TACL 2018; gap-dev.jsonl from the shared
 * data folder). Procedure, per example:
 *
 *   1. The text runs through tokens -> two hand-made PERSON name mentions (A and B, at the offsets GAP
 *      gives; no other names, as GAP's "snippet context" setting gives no NER) -> coref.
 *   2. We look up the output mention whose span is exactly GAP's pronoun span. Its entity is compared
 *      with the entities of the mentions at A's and B's spans: "refers to A" is predicted when they are
 *      the same entity. No pronoun mention (coref abstained) predicts false for both.
 *   3. As in GAP's `gap_scorer.py`, each example gives two binary decisions (A, B); TP/FP/FN are counted
 *      over all of them and F1 = 2PR/(P+R), overall and by the pronoun's gender (M: he/him/his, F:
 *      she/her/hers); bias = F1(F)/F1(M).
 *
 * GAP's published snippet-context baseline (Parallelism) is F1 66.9 (M 69.4, F 64.4) on test.
 */
import { readFileSync } from 'node:fs'
import { runCoref } from '../nlp/coref/harness.js'

interface GapSpan {
  start: number
  end: number
  text: string
}
interface GapExample {
  id: string
  text: string
  pronoun: GapSpan
  A: GapSpan & { coref: boolean }
  B: GapSpan & { coref: boolean }
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface CorefEval {
  dataFile: string
  examples: number
  /** Pronouns coref linked to some entity. */
  resolved: number
  overall: Counts & { precision: number; recall: number; f1: number }
  masculine: Counts & { f1: number }
  feminine: Counts & { f1: number }
  bias: number
}

const FEMININE = new Set(['she', 'her', 'hers', 'herself'])

function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp)
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn)
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  }
}

function count(c: Counts, gold: boolean, predicted: boolean): void {
  if (gold && predicted) c.tp++
  else if (predicted) c.fp++
  else if (gold) c.fn++
}

/**
 * Runs the GAP evaluation.
 *
 * @example formatCorefEval(evalCoref({ dataFile: '../shared/data/coref/gap-dev.jsonl' }))
 */
export function evalCoref(opts: { dataFile: string; limit?: number }): CorefEval {
  let raw: string
  try {
    raw = readFileSync(opts.dataFile, 'utf8')
  } catch {
    throw new Error(`GAP data not found at ${opts.dataFile} (expected ../shared/data/coref/gap-dev.jsonl)`)
  }
  const lines = raw.split('\n').filter((l) => l.trim())
  const examples = (opts.limit ? lines.slice(0, opts.limit) : lines).map((l) => JSON.parse(l) as GapExample)
  const overall: Counts = { tp: 0, fp: 0, fn: 0 }
  const masculine: Counts = { tp: 0, fp: 0, fn: 0 }
  const feminine: Counts = { tp: 0, fp: 0, fn: 0 }
  let resolved = 0
  for (const ex of examples) {
    const analysis = runCoref(ex.text, [
      { start: ex.A.start, end: ex.A.end, type: 'PERSON' },
      { start: ex.B.start, end: ex.B.end, type: 'PERSON' },
    ])
    const at = (s: GapSpan) => analysis.mentions.find((m) => m.start === s.start && m.end === s.end)
    const pronoun = analysis.mentions.find(
      (m) => m.kind === 'pronoun' && m.start === ex.pronoun.start && m.end === ex.pronoun.end,
    )
    const entity = pronoun?.entity ?? null
    if (entity !== null) resolved++
    const predA = entity !== null && at(ex.A)?.entity === entity
    const predB = entity !== null && at(ex.B)?.entity === entity
    const byGender = FEMININE.has(ex.pronoun.text.toLowerCase()) ? feminine : masculine
    for (const c of [overall, byGender]) {
      count(c, ex.A.coref, predA)
      count(c, ex.B.coref, predB)
    }
  }
  const m = f1(masculine).f1
  const f = f1(feminine).f1
  return {
    dataFile: opts.dataFile,
    examples: examples.length,
    resolved,
    overall: { ...overall, ...f1(overall) },
    masculine: { ...masculine, f1: m },
    feminine: { ...feminine, f1: f },
    bias: m === 0 ? 0 : f / m,
  }
}

const pct = (x: number): string => (100 * x).toFixed(1)

/**
 * A short text report of a GAP evaluation.
 *
 * @example console.log(formatCorefEval(result)) // "GAP … F1 61.2 (P 70.1 R 54.3) M 63.0 F 59.4 bias 0.94"
 */
export function formatCorefEval(r: CorefEval): string {
  return [
    `GAP pronoun resolution on ${r.dataFile}: ${r.examples} examples, ${r.resolved} pronouns resolved`,
    `F1 ${pct(r.overall.f1)} (P ${pct(r.overall.precision)} R ${pct(r.overall.recall)}; TP ${r.overall.tp} FP ${r.overall.fp} FN ${r.overall.fn})`,
    `M ${pct(r.masculine.f1)}  F ${pct(r.feminine.f1)}  bias F/M ${r.bias.toFixed(2)}`,
  ].join('\n')
}
