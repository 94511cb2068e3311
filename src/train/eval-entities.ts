/**
 * `claimtrail eval entities`: the FULL entities path (our tokenizer, sentence splitter and entities stage)
 * on CoNLL-2003 dev documents, scored CoNLL-style (exact span and type, entity level). Our OntoNotes
 * types map back to CoNLL: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, other name types (NORP, EVENT, LAW,
 * LANGUAGE, PRODUCT, WORK_OF_ART, MISC)→MISC. Only name and acronym mentions count.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Block, Mention } from '../model/layers.js'
import { entitiesStage } from '../nlp/entities/stage.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { createPipeline } from '../pipeline/pipeline.js'
import { decodeBilou } from '../nlp/learn/bilou.js'
import { compileDocument, tagCompiledDocument } from '../nlp/entities/fast-tagger.js'
import { loadEntityModel } from '../nlp/entities/model-file.js'
import { f1, groupByDoc, readConllUnits, type SpanCounts } from './train-entities.js'

interface ConllDoc {
  id: string
  text: string
  entities: { start: number; end: number; type: string }[]
}

export interface TypeScores {
  precision: number
  recall: number
  f1: number
  gold: number
  predicted: number
  correct: number
}

export interface EntityEvalResult {
  data: string
  documents: number
  overall: TypeScores
  byType: Record<string, TypeScores>
  /** Counts of (gold type → predicted type) for spans found with the right offsets but another type. */
  typeConfusions: Record<string, number>
  /** Predicted spans that overlap a gold span of any type without matching it exactly. */
  boundaryErrors: number
  /** Predicted spans that touch no gold span. */
  spurious: number
  /** Gold spans that no prediction touches. */
  missed: number
  /** Predicted name and acronym mentions by our (OntoNotes) type, before mapping back to CoNLL. */
  ontoTypes: Record<string, number>
  /** Entity F1 of the tagger alone on CoNLL's own tokens (conll2003-dev.tokens.jsonl), when that file exists. */
  taggerUnitF1: number | null
}

const CONLL_OF: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' }

/** CoNLL type of one of our mentions. */
export function conllType(mention: Pick<Mention, 'type'>): string {
  return CONLL_OF[mention.type] ?? 'MISC'
}

function scores(correct: number, predicted: number, gold: number): TypeScores {
  const precision = predicted ? (100 * correct) / predicted : 0
  const recall = gold ? (100 * correct) / gold : 0
  const f = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision: round(precision), recall: round(recall), f1: round(f), gold, predicted, correct }
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}

/** One paragraph block per line: CoNLL gives one sentence a line. */
function lineBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let start = 0
  for (const line of text.split('\n')) {
    if (line.trim() !== '') blocks.push({ start, end: start + line.length, kind: 'paragraph' })
    start += line.length + 1
  }
  return blocks
}

/**
 * Runs the entities path over a CoNLL docs file and scores it.
 *
 * @example
 * const result = await evalEntities({ dataFile: '../shared/data/ner/conll2003-dev.docs.jsonl' })
 * console.log(formatEntityEval(result))
 */
export async function evalEntities(opts: { dataFile: string }): Promise<EntityEvalResult> {
  const docs = readFileSync(opts.dataFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConllDoc)
  const pipeline = createPipeline([tokensStage, entitiesStage], { validate: false })
  const types = ['PER', 'ORG', 'LOC', 'MISC']
  const count = Object.fromEntries(types.map((t) => [t, { correct: 0, predicted: 0, gold: 0 }]))
  const typeConfusions: Record<string, number> = {}
  let boundaryErrors = 0
  let spurious = 0
  let missed = 0
  const ontoTypes: Record<string, number> = {}
  for (const doc of docs) {
    const analysis = pipeline.run({ text: doc.text, blocks: lineBlocks(doc.text) })
    const names = analysis.mentions.filter((m) => m.kind === 'name' || m.kind === 'acronym')
    for (const m of names) ontoTypes[m.type] = (ontoTypes[m.type] ?? 0) + 1
    const predicted = names.map((m) => ({ start: m.start, end: m.end, type: conllType(m) }))
    const goldKeys = new Map(doc.entities.map((g) => [`${g.start}:${g.end}`, g.type]))
    for (const g of doc.entities)
      (count[g.type] ?? (count[g.type] = { correct: 0, predicted: 0, gold: 0 })).gold++
    for (const p of predicted) {
      const c = count[p.type] as { correct: number; predicted: number; gold: number }
      c.predicted++
      const goldType = goldKeys.get(`${p.start}:${p.end}`)
      if (goldType === p.type) c.correct++
      else if (goldType !== undefined) {
        const key = `${goldType}→${p.type}`
        typeConfusions[key] = (typeConfusions[key] ?? 0) + 1
      } else if (doc.entities.some((g) => g.start < p.end && p.start < g.end)) boundaryErrors++
      else spurious++
    }
    for (const g of doc.entities) if (!predicted.some((p) => p.start < g.end && g.start < p.end)) missed++
  }
  const byType: Record<string, TypeScores> = {}
  let correct = 0
  let predictedTotal = 0
  let goldTotal = 0
  for (const [type, c] of Object.entries(count)) {
    byType[type] = scores(c.correct, c.predicted, c.gold)
    correct += c.correct
    predictedTotal += c.predicted
    goldTotal += c.gold
  }
  return {
    data: path.basename(opts.dataFile),
    documents: docs.length,
    overall: scores(correct, predictedTotal, goldTotal),
    byType,
    typeConfusions: Object.fromEntries(Object.entries(typeConfusions).sort(([, a], [, b]) => b - a)),
    boundaryErrors,
    spurious,
    missed,
    ontoTypes: Object.fromEntries(Object.entries(ontoTypes).sort(([, a], [, b]) => b - a)),
    taggerUnitF1: taggerUnitF1(path.join(path.dirname(opts.dataFile), 'conll2003-dev.tokens.jsonl')),
  }
}

/** Entity F1 of the tagger alone on CoNLL's sentences and tokens (no sentence splitting of ours). */
function taggerUnitF1(tokensFile: string): number | null {
  let sentences
  try {
    sentences = readConllUnits(tokensFile)
  } catch {
    return null
  }
  const model = loadEntityModel()
  const counts: SpanCounts = { tp: 0, fp: 0, fn: 0 }
  for (const doc of groupByDoc(sentences)) {
    const sentences = compileDocument(
      doc.map((s) => s.texts),
      model.compiled,
      model.resources,
    )
    const labels = tagCompiledDocument(model.compiled, sentences, model.types.length)
    doc.forEach((s, i) => {
      const gold = new Set(s.gold.map((g) => `${g.start}:${g.end}:${g.type}`))
      for (const p of decodeBilou(labels[i] as Int32Array)) {
        if (gold.delete(`${p.start}:${p.end}:${p.type}`)) counts.tp++
        else counts.fp++
      }
      counts.fn += gold.size
    })
  }
  return round(f1(counts))
}

/**
 * A plain-text report of {@link evalEntities}.
 *
 * @example
 * process.stdout.write(formatEntityEval(result))
 */
export function formatEntityEval(result: EntityEvalResult): string {
  const row = (name: string, s: TypeScores): string =>
    `${name.padEnd(8)} P ${s.precision.toFixed(2).padStart(6)}  R ${s.recall.toFixed(2).padStart(6)}  F1 ${s.f1
      .toFixed(2)
      .padStart(6)}  (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`
  const lines = [
    `entities on ${result.data} (${result.documents} documents), CoNLL entity-level exact match`,
    row('overall', result.overall),
    ...Object.entries(result.byType).map(([t, s]) => row(t, s)),
    `errors: ${result.boundaryErrors} boundary, ${result.spurious} spurious, ${result.missed} missed`,
    `type confusions (gold→predicted): ${
      Object.entries(result.typeConfusions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `predicted by our type (FAC→LOC, other new types→MISC above): ${Object.entries(result.ontoTypes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  ]
  if (result.taggerUnitF1 !== null)
    lines.push(`tagger alone on CoNLL sentences: F1 ${result.taggerUnitF1.toFixed(2)}`)
  return `${lines.join('\n')}\n`
}
