/**
 * `claimtrail eval claims`: the check-worthiness model on our dev part of the check-worthiness data
 * (src/train/checkworthy-data.ts). ClaimBuster is scored as classification (P/R/F1 of the check-worthy
 * class at the model's threshold) and CLEF as ranking, its own metric: mean average precision over dev
 * debates (sentences of a debate ranked by score) and precision at 10.
 */
import { checkworthiness, loadClaimsModel } from '../nlp/claims/model-file.js'
import { loadCheckworthy, type CheckworthyRecord, type CheckworthySet } from './checkworthy-data.js'

export interface ClassificationScores {
  threshold: number
  precision: number
  recall: number
  f1: number
  positives: number
  total: number
}

export interface RankingScores {
  /** Mean average precision over dev debates (or over the whole set for tweets). */
  map: number
  /** Mean precision at 10. */
  p10: number
  groups: number
}

export interface ClaimsEvalResult {
  claimbuster: ClassificationScores
  /** The threshold with the best F1 on the ClaimBuster dev part (what training ships). */
  bestThreshold: ClassificationScores
  ranking: Record<Exclude<CheckworthySet, 'claimbuster'>, RankingScores>
  devSentences: number
}

type Scored = { record: CheckworthyRecord; score: number }

/** P/R/F1 of label 1 when score ≥ threshold. */
export function classification(scored: readonly Scored[], threshold: number): ClassificationScores {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const { record, score } of scored) {
    const predicted = score >= threshold
    if (predicted && record.label === 1) tp++
    else if (predicted) fp++
    else if (record.label === 1) fn++
  }
  const precision = tp + fp ? tp / (tp + fp) : 0
  const recall = tp + fn ? tp / (tp + fn) : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { threshold, precision, recall, f1, positives: tp + fn, total: scored.length }
}

/** The threshold (on a 0.01 grid) with the best F1. */
export function bestThreshold(scored: readonly Scored[]): ClassificationScores {
  let best = classification(scored, 0.5)
  for (let t = 0.01; t < 1; t += 0.01) {
    const c = classification(scored, Math.round(t * 100) / 100)
    if (c.f1 > best.f1) best = c
  }
  return best
}

/** Average precision of one ranked group; null when it has no positive. */
function averagePrecision(group: readonly Scored[]): number | null {
  const ranked = [...group].sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id))
  let hits = 0
  let sum = 0
  ranked.forEach((s, i) => {
    if (s.record.label === 1) {
      hits++
      sum += hits / (i + 1)
    }
  })
  return hits ? sum / hits : null
}

function precisionAt(group: readonly Scored[], k: number): number {
  const ranked = [...group].sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id))
  return ranked.slice(0, k).filter((s) => s.record.label === 1).length / k
}

/** MAP and P@10 over groups (debates), skipping groups without a positive as CLEF does. */
export function ranking(scored: readonly Scored[]): RankingScores {
  const groups = new Map<string, Scored[]>()
  for (const s of scored) {
    const key = s.record.doc ?? s.record.set
    const list = groups.get(key) ?? []
    list.push(s)
    groups.set(key, list)
  }
  let ap = 0
  let p10 = 0
  let n = 0
  for (const group of groups.values()) {
    const a = averagePrecision(group)
    if (a === null) continue
    ap += a
    p10 += precisionAt(group, 10)
    n++
  }
  return { map: n ? ap / n : 0, p10: n ? p10 / n : 0, groups: n }
}

/**
 * Scores the model (the shipped one, or `modelDir`) on the dev part.
 *
 * @example
 * const result = evalClaims({ folder: '../shared/data/checkworthy' })
 */
export function evalClaims(opts: { folder: string; modelDir?: string }): ClaimsEvalResult {
  const model = loadClaimsModel(opts.modelDir)
  const { dev } = loadCheckworthy(opts.folder)
  const scored = dev.map((record) => ({ record, score: checkworthiness(model, record.text) }))
  const of = (set: CheckworthySet): Scored[] => scored.filter((s) => s.record.set === set)
  return {
    claimbuster: classification(of('claimbuster'), model.threshold),
    bestThreshold: bestThreshold(of('claimbuster')),
    ranking: {
      clef2019: ranking(of('clef2019')),
      clef2020: ranking(of('clef2020')),
      tweets: ranking(of('tweets')),
    },
    devSentences: dev.length,
  }
}

const pct = (x: number): string => (100 * x).toFixed(1)

export function formatClaimsEval(r: ClaimsEvalResult): string {
  const c = r.claimbuster
  const lines = [
    `check-worthiness, dev part (${r.devSentences} sentences, a fifth of each set; see src/train/checkworthy-data.ts)`,
    `ClaimBuster: P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}  at threshold ${c.threshold} (${c.positives} check-worthy of ${c.total})`,
    `  best threshold on dev: ${r.bestThreshold.threshold} (F1 ${pct(r.bestThreshold.f1)})`,
  ]
  for (const [set, s] of Object.entries(r.ranking)) {
    lines.push(
      `${set}: MAP ${pct(s.map)}  P@10 ${pct(s.p10)}  (${s.groups} ${set === 'tweets' ? 'set' : 'debates'})`,
    )
  }
  return `${lines.join('\n')}\n`
}
