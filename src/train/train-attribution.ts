/**
 * `claimtrail train attribution`: learns the cue model and the span model (src/nlp/attribution/learned/)
 * from PolNeAR train, writes models/attribution/{model.json,cue.bin,span.bin,PROVENANCE.json}, and scores
 * the result on PolNeAR dev through the full pipeline.
 *
 * Deterministic: a seeded shuffle, integer-step perceptron updates, sorted outputs; the same data gives
 * byte-identical files. Each training document goes through tokens → entities → coref and the rule
 * finders first, exactly as at inference, so the cue model learns the cues the rules leave behind.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { AttributionDoc } from '../nlp/attribution/attribution-doc.js'
import { FINDERS } from '../nlp/attribution/finders/index.js'
import { CUE_LABELS, SPAN_LABELS } from '../nlp/attribution/learned/features.js'
import { cueCandidate, ruleCueMask } from '../nlp/attribution/learned/learned-finder.js'
import { ATTRIBUTION_MODEL_FORMAT, type AttributionModelMeta } from '../nlp/attribution/learned/model-file.js'
import { TokenTable } from '../nlp/attribution/learned/token-table.js'
import { walkCues, walkSpans, type Decide } from '../nlp/attribution/learned/walk.js'
import { corefStage } from '../nlp/coref/stage.js'
import { entitiesStage } from '../nlp/entities/stage.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { AveragedPerceptron } from '../nlp/learn/averaged-perceptron.js'
import { argmax, type LinearModel } from '../nlp/learn/linear-model.js'
import { encodeLinearModel } from '../nlp/learn/model-codec.js'
import { createPipeline } from '../pipeline/pipeline.js'
import { evalAttribution, type AttributionEvalResult, type GoldDoc } from './eval-attribution.js'

/** Settings of the shipped model (chosen on PolNeAR dev). */
export const TRAINING = {
  seed: 20161108,
  cueEpochs: 8,
  spanEpochs: 8,
  /** A word joins the cue vocabulary when at least this many of its training occurrences open a cue… */
  vocabularyMinCount: 2,
  /** …and at least this share of them. */
  vocabularyMinShare: 0.1,
  /** Decoding: how far the cue score must beat the outside score (chosen on dev). */
  cueMargin: 2,
  /**
   * Averaged weights below this are dropped. Fewer rows keep the hashed lookups in cache: at 0.5 the learned
   * finder cost as much time as all the rules; at 2 about half that, for about 1 point of content match.
   */
  minWeight: 2,
  decimals: 3,
} as const

const TRAIN_FILE = 'attribution/polnear-train.jsonl'
const DEV_FILE = 'attribution/polnear-dev.jsonl'
const LICENCE = "none stated; texts are the outlets'"

/** A training document prepared once: its view as the rule finders saw it, and gold labels per token. */
interface Prepared {
  doc: AttributionDoc
  table: TokenTable
  /** Tokens the cue model looks at. */
  candidate: (i: number) => boolean
  cueGold: Uint8Array
  /** Gold attributions with a cue, in token indices. */
  attributions: { cue: [number, number]; labels: Map<number, number> }[]
}

function readJsonl(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as GoldDoc)
}

/** Token range [first, last] of the tokens overlapping a character span, or null when none does. */
function tokenRange(d: AttributionDoc, span: [number, number]): [number, number] | null {
  let first = d.tokenFrom(span[0])
  if (first > 0 && (d.ends[first - 1] as number) > span[0]) first--
  let last = first
  if (first >= d.n || (d.starts[first] as number) >= span[1]) return null
  while (last + 1 < d.n && (d.starts[last + 1] as number) < span[1]) last++
  return [first, last]
}

function wordCounts(docs: readonly { doc: AttributionDoc; cueGold: Uint8Array }[]): string[] {
  const inCue = new Map<string, number>()
  const all = new Map<string, number>()
  for (const { doc, cueGold } of docs) {
    for (let i = 0; i < doc.n; i++) {
      const w = doc.low[i] as string
      all.set(w, (all.get(w) ?? 0) + 1)
      // the first word of a cue: the walk scores every word after a cue word anyway
      if (cueGold[i] !== CUE_LABELS.O && (i === 0 || cueGold[i - 1] === CUE_LABELS.O))
        inCue.set(w, (inCue.get(w) ?? 0) + 1)
    }
  }
  return [...inCue]
    .filter(
      ([w, c]) =>
        c >= TRAINING.vocabularyMinCount && c / (all.get(w) as number) >= TRAINING.vocabularyMinShare,
    )
    .map(([w]) => w)
    .sort()
}

function prepare(docs: readonly GoldDoc[], log: (line: string) => void): Omit<Prepared, 'candidate'>[] {
  const pipeline = createPipeline([tokensStage, entitiesStage, corefStage], { validate: false })
  const out: Omit<Prepared, 'candidate'>[] = []
  for (const gold of docs) {
    const { view } = pipeline.runToView({ id: gold.id, text: gold.text })
    const doc = new AttributionDoc(view)
    const cueGold = new Uint8Array(doc.n)
    const attributions: Prepared['attributions'] = []
    for (const a of gold.attributions) {
      const cue = a.cue ? tokenRange(doc, a.cue) : null
      if (!cue) continue
      for (let i = cue[0]; i <= cue[1]; i++) cueGold[i] = CUE_LABELS.CUE
      const labels = new Map<number, number>()
      const content = tokenRange(doc, a.content)
      if (content) for (let i = content[0]; i <= content[1]; i++) labels.set(i, SPAN_LABELS.CONTENT)
      const source = a.source ? tokenRange(doc, a.source) : null
      if (source) for (let i = source[0]; i <= source[1]; i++) labels.set(i, SPAN_LABELS.SOURCE)
      attributions.push({ cue, labels })
    }
    out.push({ doc, table: new TokenTable(doc), cueGold, attributions })
  }
  log(`train attribution: ${out.length} documents prepared`)
  return out
}

/** xorshift32: a seeded generator, so the shuffle is the same on every machine. */
function shuffled(count: number, seed: number): number[] {
  let state = seed >>> 0 || 1
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i--) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    const j = state % (i + 1)
    ;[order[i], order[j]] = [order[j] as number, order[i] as number]
  }
  return order
}

/** A training `decide`: predict with the current weights, update towards `gold(token)`, go on with the prediction. */
function trainingDecide(
  perceptron: AveragedPerceptron,
  gold: (token: number) => number,
  counter: { mistakes: number; seen: number },
): Decide {
  const scores = new Float64Array(perceptron.labelCount)
  return (features, count, token) => {
    perceptron.score(features, count, scores)
    const best = argmax(scores, perceptron.labelCount)
    const truth = gold(token)
    perceptron.update(features, count, truth, best)
    perceptron.tick()
    counter.seen++
    if (truth !== best) counter.mistakes++
    return best
  }
}

function trainCueModel(prepared: readonly Prepared[], log: (line: string) => void): LinearModel {
  const perceptron = new AveragedPerceptron(2)
  for (let epoch = 0; epoch < TRAINING.cueEpochs; epoch++) {
    const counter = { mistakes: 0, seen: 0 }
    for (const k of shuffled(prepared.length, TRAINING.seed + epoch)) {
      const p = prepared[k] as Prepared
      const decide = trainingDecide(perceptron, (i) => p.cueGold[i] as number, counter)
      walkCues(p.doc, p.table, p.candidate, decide)
    }
    log(`  cue epoch ${epoch + 1}: ${counter.mistakes} mistakes in ${counter.seen} tokens`)
  }
  return perceptron.average(TRAINING.minWeight, TRAINING.decimals)
}

function trainSpanModel(prepared: readonly Prepared[], log: (line: string) => void): LinearModel {
  const perceptron = new AveragedPerceptron(3)
  for (let epoch = 0; epoch < TRAINING.spanEpochs; epoch++) {
    const counter = { mistakes: 0, seen: 0 }
    for (const k of shuffled(prepared.length, TRAINING.seed + 1000 + epoch)) {
      const p = prepared[k] as Prepared
      for (const a of p.attributions) {
        const decide = trainingDecide(perceptron, (j) => a.labels.get(j) ?? SPAN_LABELS.O, counter)
        walkSpans(p.doc, p.table, a.cue[0], a.cue[1], decide)
      }
    }
    log(`  span epoch ${epoch + 1}: ${counter.mistakes} mistakes in ${counter.seen} tokens`)
  }
  return perceptron.average(TRAINING.minWeight, TRAINING.decimals)
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

const round = (x: number): number => Math.round(1000 * x) / 10

function devScores(result: AttributionEvalResult): Record<string, Record<string, number>> {
  const row = (p: { precision: number; recall: number; f1: number }) => ({
    precision: round(p.precision),
    recall: round(p.recall),
    f1: round(p.f1),
  })
  return {
    contentMatch: row(result.contentMatch),
    exactSource: row(result.exact.source),
    exactCue: row(result.exact.cue),
    exactContent: row(result.exact.content),
  }
}

/**
 * Trains both models and writes them (with provenance and dev scores) to `outDir`.
 *
 * @example await trainAttribution({ dataDir: '../shared/data', outDir: 'models/attribution', log: console.error })
 */
export async function trainAttribution(opts: {
  dataDir: string
  outDir: string
  log: (line: string) => void
}): Promise<void> {
  const trainFile = path.join(opts.dataDir, TRAIN_FILE)
  const devFile = path.join(opts.dataDir, DEV_FILE)
  const trainText = readFileSync(trainFile)
  const base = prepare(readJsonl(trainFile), opts.log)
  const cueVocabulary = wordCounts(base)
  const vocabularySet = new Set(cueVocabulary)
  const prepared: Prepared[] = base.map((p) => {
    const rules = FINDERS.flatMap((find) => find(p.doc))
    return { ...p, candidate: cueCandidate(p.doc, vocabularySet, ruleCueMask(p.doc, rules)) }
  })
  opts.log(`train attribution: cue vocabulary of ${cueVocabulary.length} words`)
  const cue = encodeLinearModel(trainCueModel(prepared, opts.log).data)
  const span = encodeLinearModel(trainSpanModel(prepared, opts.log).data)

  mkdirSync(opts.outDir, { recursive: true })
  writeFileSync(path.join(opts.outDir, 'cue.bin'), cue)
  writeFileSync(path.join(opts.outDir, 'span.bin'), span)
  const meta: AttributionModelMeta = {
    format: ATTRIBUTION_MODEL_FORMAT,
    cueVocabulary,
    cueMargin: TRAINING.cueMargin,
    cueWeights: { file: 'cue.bin', sha256: sha256(cue) },
    spanWeights: { file: 'span.bin', sha256: sha256(span) },
  }
  const metaText = `${JSON.stringify(meta)}\n`
  writeFileSync(path.join(opts.outDir, 'model.json'), metaText)

  const dev = evalAttribution({ dataFile: devFile, options: { attribution: { model: opts.outDir } } })
  const provenance = {
    model: 'attribution',
    format: ATTRIBUTION_MODEL_FORMAT,
    learner:
      'two averaged perceptrons over hashed features, greedy left to right: a cue tagger (inside/outside) over candidate tokens the rule finders leave, and a source/content tagger (inside/outside) over the cue’s paragraph',
    training: TRAINING,
    data: {
      train: { file: TRAIN_FILE, sha256: sha256(trainText) },
      dev: { file: DEV_FILE, sha256: sha256(readFileSync(devFile)) },
      licence: LICENCE,
      corpus: 'PolNeAR (networkdynamics/PolNeAR), first annotator of each article',
    },
    files: {
      'model.json': sha256(metaText),
      'cue.bin': { sha256: sha256(cue), bytes: cue.byteLength },
      'span.bin': { sha256: sha256(span), bytes: span.byteLength },
    },
    dev: devScores(dev),
  }
  writeFileSync(path.join(opts.outDir, 'PROVENANCE.json'), `${JSON.stringify(provenance, null, 2)}\n`)
  opts.log(`train attribution: dev ${JSON.stringify(provenance.dev)}`)
}
