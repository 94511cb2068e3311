/**
 * `claimtrail eval techniques`: the span metric of Da San Martino et al. (EMNLP 2019, the PTC paper)
 * on PTC dev. Partial overlap earns partial credit: precision sums, over predicted spans s and gold
 * spans t of the same document (and, when labelled, the same technique), |s∩t| / |s|, divided by the
 * number of predicted spans; recall the same with |t| and the number of gold spans.
 *
 * Overlapping spans on one side are merged first (per technique when labelled), as the SemEval-2020
 * SI scorer does for gold and with `-m` for predictions (methods §3.1); so splitting a span loses
 * nothing and double counting is impossible. F1 is 1 when there is neither prediction nor gold.
 */
import { readFileSync } from 'node:fs'
import { TECHNIQUES } from '../model/layers.js'
import { detectTechniques } from '../nlp/techniques/detect.js'
import { loadCueLexicon } from '../nlp/techniques/lexicon.js'
import { loadTechniqueModel } from '../nlp/techniques/model.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { createPipeline } from '../pipeline/pipeline.js'

export interface LabeledSpan {
  start: number
  end: number
  technique: string
}

/** Sums of the overlap metric, additive over documents and techniques. */
export interface OverlapSums {
  /** Σ over predicted s of Σ_t |s∩t| / |s|. */
  precisionSum: number
  predicted: number
  /** Σ over gold t of Σ_s |s∩t| / |t|. */
  recallSum: number
  gold: number
}

export interface Prf {
  precision: number
  recall: number
  f1: number
}

export interface TechniquesEval {
  documents: number
  labelled: Prf & OverlapSums
  spanOnly: Prf & OverlapSums
  perTechnique: Record<string, Prf & { predicted: number; gold: number }>
}

/**
 * Spans sorted and merged where they overlap (half-open: touching spans stay apart).
 *
 * @example
 * mergeSpans([{ start: 0, end: 5 }, { start: 3, end: 9 }]) // [{ start: 0, end: 9 }]
 */
export function mergeSpans(
  spans: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: { start: number; end: number }[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end)
    else out.push({ start: s.start, end: s.end })
  }
  return out
}

/**
 * Overlap sums for one document's predicted and gold spans, ignoring labels.
 *
 * @example
 * overlapSums([{ start: 0, end: 10 }], [{ start: 5, end: 10 }]) // precisionSum 0.5, recallSum 1
 */
export function overlapSums(
  pred: readonly { start: number; end: number }[],
  gold: readonly { start: number; end: number }[],
): OverlapSums {
  const p = mergeSpans(pred)
  const g = mergeSpans(gold)
  let precisionSum = 0
  let recallSum = 0
  for (const s of p) {
    for (const t of g) {
      const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start)
      if (inter <= 0) continue
      precisionSum += inter / (s.end - s.start)
      recallSum += inter / (t.end - t.start)
    }
  }
  return { precisionSum, predicted: p.length, recallSum, gold: g.length }
}

/** Adds `b` into `a`. */
export function addSums(a: OverlapSums, b: OverlapSums): void {
  a.precisionSum += b.precisionSum
  a.predicted += b.predicted
  a.recallSum += b.recallSum
  a.gold += b.gold
}

/**
 * Precision, recall and F1 from sums; F1 is 1 with neither predictions nor gold (the scorer's rule).
 *
 * @example
 * prf({ precisionSum: 1, predicted: 2, recallSum: 1, gold: 1 }) // { precision: 0.5, recall: 1, f1: 0.667 }
 */
export function prf(s: OverlapSums): Prf {
  if (s.predicted === 0 && s.gold === 0) return { precision: 1, recall: 1, f1: 1 }
  const precision = s.predicted > 0 ? s.precisionSum / s.predicted : 0
  const recall = s.gold > 0 ? s.recallSum / s.gold : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}

function emptySums(): OverlapSums {
  return { precisionSum: 0, predicted: 0, recallSum: 0, gold: 0 }
}

/** Accumulates the labelled (per technique) and span-only sums of one document. */
export class TechniqueScorer {
  readonly perTechnique = new Map<string, OverlapSums>()
  readonly spanOnly = emptySums()
  documents = 0

  add(pred: readonly LabeledSpan[], gold: readonly LabeledSpan[]): void {
    this.documents++
    addSums(this.spanOnly, overlapSums(pred, gold))
    for (const name of TECHNIQUES) {
      const p = pred.filter((s) => s.technique === name)
      const g = gold.filter((s) => s.technique === name)
      if (p.length === 0 && g.length === 0) continue
      let sums = this.perTechnique.get(name)
      if (!sums) this.perTechnique.set(name, (sums = emptySums()))
      addSums(sums, overlapSums(p, g))
    }
  }

  result(): TechniquesEval {
    const labelled = emptySums()
    const perTechnique: TechniquesEval['perTechnique'] = {}
    for (const name of TECHNIQUES) {
      const sums = this.perTechnique.get(name) ?? emptySums()
      addSums(labelled, sums)
      const scores = prf(sums)
      perTechnique[name] = {
        ...scores,
        f1: sums.predicted === 0 && sums.gold === 0 ? 0 : scores.f1,
        predicted: sums.predicted,
        gold: sums.gold,
      }
    }
    return {
      documents: this.documents,
      labelled: { ...prf(labelled), ...labelled },
      spanOnly: { ...prf(this.spanOnly), ...this.spanOnly },
      perTechnique,
    }
  }
}

export interface PtcDocument {
  id: string
  text: string
  spans: LabeledSpan[]
}

/**
 * Reads a PTC JSON Lines file (`id`, `text`, `spans[{start, end, technique}]`, UTF-16 offsets).
 *
 * @example
 * readPtc('../shared/data/techniques/ptc-dev.jsonl').length // 57
 */
export function readPtc(file: string): PtcDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PtcDocument)
}

/**
 * Runs the shipped techniques model over a PTC file and scores it. The tagger is run on tokens and
 * sentences only (no attributions): `attribution` links do not change spans or labels.
 *
 * @example
 * const result = await evalTechniques({ dataFile: '../shared/data/techniques/ptc-dev.jsonl' })
 */
export async function evalTechniques(opts: {
  dataFile: string
  limit?: number
  /** Drop spans scoring below this (the stage option of the same name). */
  minScore?: number
}): Promise<TechniquesEval> {
  const docs = readPtc(opts.dataFile).slice(0, opts.limit ?? Infinity)
  const pipeline = createPipeline([tokensStage], { validate: false })
  const model = loadTechniqueModel()
  const lexicon = loadCueLexicon().masks
  const scorer = new TechniqueScorer()
  for (const doc of docs) {
    const { view } = pipeline.runToView({ text: doc.text })
    const pred = detectTechniques(view, model, lexicon, [], opts.minScore ?? 0)
    scorer.add(pred, doc.spans)
  }
  return scorer.result()
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5)
}

/**
 * A plain-text table of the result.
 *
 * @example
 * console.log(formatTechniquesEval(await evalTechniques({ dataFile })))
 */
export function formatTechniquesEval(r: TechniquesEval): string {
  const lines = [
    `techniques on ${r.documents} documents (overlap-credit span metric, Da San Martino et al. 2019)`,
    `                                      P     R    F1   pred  gold`,
    `labelled                          ${pct(r.labelled.precision)} ${pct(r.labelled.recall)} ${pct(r.labelled.f1)} ${String(r.labelled.predicted).padStart(6)} ${String(r.labelled.gold).padStart(5)}`,
    `span only (any technique)         ${pct(r.spanOnly.precision)} ${pct(r.spanOnly.recall)} ${pct(r.spanOnly.f1)} ${String(r.spanOnly.predicted).padStart(6)} ${String(r.spanOnly.gold).padStart(5)}`,
    '',
  ]
  for (const [name, s] of Object.entries(r.perTechnique)) {
    lines.push(
      `${name.padEnd(34)}${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.predicted).padStart(6)} ${String(s.gold).padStart(5)}`,
    )
  }
  return `${lines.join('\n')}\n`
}
