/**
 * TempEval-3 style evaluation of the time stage on the TBAQ training data
 * (`../shared/data/time/tempeval3-train.jsonl`). A deterministic fifth of the documents (every 5th by
 * sorted id, index % 5 === 4) is held out as the dev split; rules are tuned on the rest.
 *
 * Scores, as the TE3 scorer defines them: strict (same extent) and relaxed (overlapping extent)
 * extraction P/R/F1 over one-to-one matches; attribute F1 for `value` and `type`: P and R over the
 * relaxed matches whose attribute is also right (TE3's "value F1"); type accuracy over relaxed matches.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createPipeline } from '../pipeline/pipeline.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { timeStage } from '../nlp/time/stage.js'
import type { TimeExpr } from '../model/layers.js'

export interface GoldTimex {
  start: number
  end: number
  type: string
  value: string
  text: string
}
interface GoldDoc {
  id: string
  text: string
  published: string | null
  timexes: GoldTimex[]
}

export interface Prf {
  precision: number
  recall: number
  f1: number
}

export interface TimeMiss {
  doc: string
  kind: 'missed' | 'spurious' | 'extent' | 'value' | 'type'
  gold?: { text: string; type: string; value: string }
  system?: { text: string; type: string; value: string; rule: string }
  context: string
}

export interface TimeEvalResult {
  split: string
  documents: number
  gold: number
  system: number
  strict: Prf
  relaxed: Prf
  value: Prf
  type: Prf
  typeAccuracy: number
  valueAccuracy: number
  misses: TimeMiss[]
}

function prf(correct: number, system: number, gold: number): Prf {
  const precision = system === 0 ? 0 : correct / system
  const recall = gold === 0 ? 0 : correct / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

/** Loads the documents of a split, sorted by id. */
export function loadTimeSplit(dataFile: string, split: 'dev' | 'train' | 'all'): GoldDoc[] {
  if (!existsSync(dataFile))
    throw new Error(`time data not found: ${dataFile} (expected ../shared/data/time/tempeval3-train.jsonl)`)
  const docs = readFileSync(dataFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldDoc)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  if (split === 'all') return docs
  return docs.filter((_, i) => (i % 5 === 4) === (split === 'dev'))
}

function contextOf(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 50), start)
  const after = text.slice(end, end + 30)
  return `${before}[${text.slice(start, end)}]${after}`.replace(/\s+/g, ' ')
}

/**
 * Evaluates the time stage on a split of TBAQ (default: dev).
 *
 * @example
 * const r = evalTime({ dataFile: '../shared/data/time/tempeval3-train.jsonl' })
 * console.log(formatTimeEval(r))
 */
export function evalTime(opts: { dataFile: string; split?: 'dev' | 'train' | 'all' }): TimeEvalResult {
  const split = opts.split ?? 'dev'
  const docs = loadTimeSplit(opts.dataFile, split)
  const pipeline = createPipeline([tokensStage, timeStage], { validate: false })
  let nGold = 0
  let nSystem = 0
  let strict = 0
  let relaxed = 0
  let valueOk = 0
  let typeOk = 0
  const misses: TimeMiss[] = []
  for (const doc of docs) {
    const times: TimeExpr[] = pipeline.run({
      id: doc.id,
      text: doc.text,
      meta: { published: doc.published },
    }).times
    nGold += doc.timexes.length
    nSystem += times.length
    const usedSystem = new Set<number>()
    for (const g of doc.timexes) {
      // One-to-one: the unused system timex with the largest overlap.
      let best = -1
      let bestOverlap = 0
      times.forEach((s, i) => {
        if (usedSystem.has(i)) return
        const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start)
        if (overlap > bestOverlap) {
          best = i
          bestOverlap = overlap
        }
      })
      const goldInfo = { text: g.text, type: g.type, value: g.value }
      if (best < 0) {
        misses.push({
          doc: doc.id,
          kind: 'missed',
          gold: goldInfo,
          context: contextOf(doc.text, g.start, g.end),
        })
        continue
      }
      usedSystem.add(best)
      const s = times[best] as TimeExpr
      const sysInfo = {
        text: doc.text.slice(s.start, s.end),
        type: s.type,
        value: s.value,
        rule: s.prov.rule,
      }
      relaxed++
      const exact = s.start === g.start && s.end === g.end
      if (exact) strict++
      if (s.value === g.value) valueOk++
      else
        misses.push({
          doc: doc.id,
          kind: 'value',
          gold: goldInfo,
          system: sysInfo,
          context: contextOf(doc.text, g.start, g.end),
        })
      if (s.type === g.type) typeOk++
      else
        misses.push({
          doc: doc.id,
          kind: 'type',
          gold: goldInfo,
          system: sysInfo,
          context: contextOf(doc.text, g.start, g.end),
        })
      if (!exact)
        misses.push({
          doc: doc.id,
          kind: 'extent',
          gold: goldInfo,
          system: sysInfo,
          context: contextOf(doc.text, g.start, g.end),
        })
    }
    times.forEach((s, i) => {
      if (usedSystem.has(i)) return
      misses.push({
        doc: doc.id,
        kind: 'spurious',
        system: { text: doc.text.slice(s.start, s.end), type: s.type, value: s.value, rule: s.prov.rule },
        context: contextOf(doc.text, s.start, s.end),
      })
    })
  }
  return {
    split,
    documents: docs.length,
    gold: nGold,
    system: nSystem,
    strict: prf(strict, nSystem, nGold),
    relaxed: prf(relaxed, nSystem, nGold),
    value: prf(valueOk, nSystem, nGold),
    type: prf(typeOk, nSystem, nGold),
    typeAccuracy: relaxed === 0 ? 0 : typeOk / relaxed,
    valueAccuracy: relaxed === 0 ? 0 : valueOk / relaxed,
    misses,
  }
}

const pct = (x: number): string => (100 * x).toFixed(2)

/** "value 50, spurious 32, …": counts by key, most frequent first. */
function countBy(misses: readonly TimeMiss[], key: (m: TimeMiss) => string): string {
  const counts = new Map<string, number>()
  for (const m of misses) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
}

/**
 * A plain-text report: scores, miss counts by kind and value misses by finder, then the misses.
 *
 * @example formatTimeEval(evalTime({ dataFile: '../shared/data/time/tempeval3-train.jsonl' }))
 */
export function formatTimeEval(r: TimeEvalResult, maxMisses = 60): string {
  const line = (name: string, p: Prf): string =>
    `${name.padEnd(10)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}`
  const out = [
    `time eval on TBAQ ${r.split}: ${r.documents} docs, ${r.gold} gold timexes, ${r.system} system`,
    line('strict', r.strict),
    line('relaxed', r.relaxed),
    line('value', r.value),
    line('type', r.type),
    `value accuracy on relaxed matches ${pct(r.valueAccuracy)}, type accuracy ${pct(r.typeAccuracy)}`,
  ]
  out.push(`misses: ${countBy(r.misses, (m) => m.kind)}`)
  const valueMisses = r.misses.filter((m) => m.kind === 'value')
  out.push(`value misses by finder: ${countBy(valueMisses, (m) => m.system?.rule.split('@')[0] ?? '?')}`)
  const shown = r.misses.slice(0, maxMisses)
  for (const m of shown) {
    const g = m.gold ? `gold ${m.gold.type} ${m.gold.value} "${m.gold.text}"` : ''
    const s = m.system ? `sys ${m.system.type} ${m.system.value} "${m.system.text}" (${m.system.rule})` : ''
    out.push(`${m.kind.padEnd(8)} ${m.doc}  ${[g, s].filter(Boolean).join(' | ')}  …${m.context}…`)
  }
  if (r.misses.length > shown.length) out.push(`… ${r.misses.length - shown.length} more misses`)
  return out.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const split = (process.argv[2] ?? 'dev') as 'dev' | 'train' | 'all'
  const file = process.argv[3] ?? '../shared/data/time/tempeval3-train.jsonl'
  console.log(formatTimeEval(evalTime({ dataFile: file, split }), Number(process.env.MAX_MISSES ?? 60)))
}
