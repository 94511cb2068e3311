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
import type { Block, EntityType } from '../model/layers.js'
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

interface GumMention {
  start: number
  end: number
  etype: string
  named: boolean
  chain: string
}
interface GumDoc {
  id: string
  text: string
  mentions: GumMention[]
}

export interface GumEval {
  dataFile: string
  documents: number
  /** Third-person pronouns (outside quotes) whose gold chain names a person/organisation/place earlier. */
  gold: number
  /** Pronoun mentions coref emitted that have a gold mention. */
  emitted: number
  /** Emitted pronouns whose entity holds another mention (name or role noun) of the pronoun's gold chain. */
  correct: number
  /** Emitted pronouns whose entity holds a name mention of the pronoun's gold chain (recall's numerator). */
  correctNamed: number
  precision: number
  recall: number
  f1: number
}

const GUM_TYPES: Record<string, EntityType> = { person: 'PERSON', organization: 'ORG', place: 'GPE' }
const THIRD_PERSON =
  /^(?:he|him|his|himself|she|her|hers|herself|it|its|itself|they|them|their|theirs|themselves)$/i

/**
 * Pronoun resolution on GUM Wikinews documents (gold coreference chains, CC-BY). Procedure: the gold
 * *named* mentions of people, organisations and places are the input name mentions (one block per
 * line, since GUM gives one sentence a line). Precision: an emitted pronoun is correct when another
 * mention of its entity (name or role noun) ends where a mention of the pronoun's gold chain ends.
 * Recall: of the third-person pronouns whose gold chain has a named mention before them, the share we
 * linked to an entity holding a name of that chain; pronouns in quotes count too (we leave them, so
 * they cost recall).
 *
 * @example formatGumEval(evalCorefGum({ dataFile: '../shared/data/ner/gum-wikinews-train.docs.jsonl' }))
 */
export function evalCorefGum(opts: { dataFile: string }): GumEval {
  const docs = readFileSync(opts.dataFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GumDoc)
  let gold = 0
  let emitted = 0
  let correct = 0
  let correctNamed = 0
  for (const doc of docs) {
    const names = doc.mentions.filter((m) => m.named && GUM_TYPES[m.etype] !== undefined)
    const specs = names.map((m) => ({ start: m.start, end: m.end, type: GUM_TYPES[m.etype] as EntityType }))
    const blocks: Block[] = []
    let at = 0
    for (const line of doc.text.split('\n')) {
      if (line.trim()) blocks.push({ start: at, end: at + line.length, kind: 'paragraph' })
      at += line.length + 1
    }
    const analysis = runCoref(doc.text, specs, blocks)
    const goldAt = new Map(doc.mentions.map((m) => [`${m.start}:${m.end}`, m]))
    for (const m of doc.mentions) {
      if (!THIRD_PERSON.test(doc.text.slice(m.start, m.end))) continue
      if (names.some((n) => n.chain === m.chain && n.end <= m.start)) gold++
    }
    for (const p of analysis.mentions) {
      if (p.kind !== 'pronoun') continue
      const g = goldAt.get(`${p.start}:${p.end}`)
      if (!g) continue
      emitted++
      const entity = analysis.entities.find((e) => e.id === p.entity)
      // Correct when another mention of the entity ends where a gold mention of the pronoun's chain
      // ends (same head: our "The officials" vs gold "The officials who spoke"; names match exactly).
      const ok = entity?.mentions.some((id) => {
        const x = analysis.mentions.find((y) => y.id === id)
        if (!x || x.id === p.id) return false
        return doc.mentions.some((n) => n.chain === g.chain && n.end === x.end && n.start <= x.start)
      })
      const named = entity?.mentions.some((id) => {
        const x = analysis.mentions.find((y) => y.id === id)
        return (
          x !== undefined && names.some((n) => n.chain === g.chain && n.start === x.start && n.end === x.end)
        )
      })
      if (named) correctNamed++
      if (ok) correct++
    }
  }
  const precision = emitted === 0 ? 0 : correct / emitted
  const recall = gold === 0 ? 0 : correctNamed / gold
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {
    dataFile: opts.dataFile,
    documents: docs.length,
    gold,
    emitted,
    correct,
    correctNamed,
    precision,
    recall,
    f1: f,
  }
}

/**
 * A short text report of the GUM evaluation.
 *
 * @example console.log(formatGumEval(result))
 */
export function formatGumEval(r: GumEval): string {
  return `GUM pronouns on ${r.dataFile}: ${r.documents} docs; gold ${r.gold}, emitted ${r.emitted}, correct ${r.correct} (to a gold name ${r.correctNamed}); P ${pct(r.precision)} R ${pct(r.recall)} F1 ${pct(r.f1)}`
}
