/**
 * `claimtrail train entities`: trains the entity tagger (models/entities) on CoNLL-2003 train, picks the
 * epoch by entity F1 on CoNLL-2003 dev (testa), and writes the weights, their metadata and provenance.
 * Deterministic: a seeded shuffle, integer-step updates, sorted outputs; same data → byte-identical files.
 *
 * The CoNLL sentences are re-tokenized with our own tokenizer (tokens joined by spaces) so the tagger learns
 * from exactly the units it sees at run time.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AveragedPerceptron } from '../nlp/learn/averaged-perceptron.js'
import { decodeBilou, encodeBilou, type TokenSpan } from '../nlp/learn/bilou.js'
import { mergeLinearModels, type LinearModel } from '../nlp/learn/linear-model.js'
import { encodeLinearModel } from '../nlp/learn/model-codec.js'
import { documentFeatures, type FeatureResources, type SentenceFeatures } from '../nlp/entities/features.js'
import { Gazetteer } from '../nlp/entities/gazetteer.js'
import { MODEL_FORMAT, type EntityModelMeta } from '../nlp/entities/model-file.js'
import { tagDocumentUnits, type Scorer } from '../nlp/entities/tagger.js'
import { unitsFromTokens } from '../nlp/entities/tagger-units.js'
import { tokenize } from '../nlp/tokens/tokenize.js'
import { exchangeClusters } from './word-clusters.js'
import { seededRandom } from '../nlp/learn/seeded-random.js'

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const

/** Training settings; changing any of them changes the shipped model. */
export const TRAINING = {
  seed: 20030531,
  maxEpochs: 16,
  /** Averaged weights below this are dropped (keeps the file small; no dev loss measured at 0.01). */
  minWeight: 0.01,
  decimals: 3,
  /** Words written in lower case at least this often, and in this share of their uses, are "common". */
  commonMinCount: 2,
  commonMinShare: 0.6,
  /** Exchange-clustering granularities, minimum word count and passes (see word-clusters.ts). */
  clusterSizes: [64, 256],
  clusterMinCount: 3,
  clusterPasses: 6,
  /** Perceptrons (shuffle seeds seed, seed + 1, …) whose weights are averaged into the shipped model. */
  ensemble: 3,
} as const

/**
 * Unlabelled text for word classes: the public news and news-like sets (train splits only), never the
 * evaluation text. Files missing from the data folder are skipped, and the model records which were used.
 */
export const CLUSTER_SOURCES = [
  'news/bbc-2005.jsonl',
  'attribution/polnear-train.jsonl',
  'time/tempeval3-train.jsonl',
  'techniques/ptc-train.jsonl',
  'ner/gum-wikinews-train.docs.jsonl',
] as const

interface ConllSentence {
  doc: string
  tokens: string[]
  tags: string[]
}

/** A CoNLL sentence in our units, with gold spans over the units. */
export interface UnitSentence {
  doc: string
  texts: string[]
  gold: TokenSpan[]
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/**
 * Re-tokenizes a CoNLL sentence with our tokenizer and tagger units; a unit takes the entity of the CoNLL
 * token it lies in.
 *
 * @example
 * toUnits({ doc: 'd', tokens: ['Iran', "'s", 'IRGC'], tags: ['B-LOC', 'O', 'B-ORG'] }).texts // ['Iran', "'s", 'IRGC']
 */
export function toUnits(sentence: ConllSentence): UnitSentence {
  const text = sentence.tokens.join(' ')
  const tok = tokenize(text)
  const units = unitsFromTokens(text, tok.starts, tok.ends, 0, tok.starts.length)
  // Character span of each gold entity (IOB2 over CoNLL tokens).
  const entities: { start: number; end: number; type: number }[] = []
  let offset = 0
  sentence.tokens.forEach((token, i) => {
    const tag = sentence.tags[i] ?? 'O'
    const start = offset
    const end = offset + token.length
    offset = end + 1
    if (tag === 'O') return
    const type = CONLL_TYPES.indexOf(tag.slice(2) as (typeof CONLL_TYPES)[number])
    const last = entities[entities.length - 1]
    if (tag.startsWith('I-') && last && last.type === type && last.end === start - 1) last.end = end
    else entities.push({ start, end, type })
  })
  const gold: TokenSpan[] = []
  for (const e of entities) {
    let first = -1
    let lastUnit = -1
    units.starts.forEach((s, u) => {
      if (s >= e.start && (units.ends[u] as number) <= e.end) {
        if (first < 0) first = u
        lastUnit = u
      }
    })
    if (first >= 0) gold.push({ start: first, end: lastUnit + 1, type: e.type })
  }
  return { doc: sentence.doc, texts: units.texts, gold }
}

/** Reads a CoNLL tokens file as unit sentences. */
export function readConllUnits(file: string): UnitSentence[] {
  return readJsonl<ConllSentence>(file).map(toUnits)
}

/** The gazetteer lists in data/gazetteers, by file name (without .txt), in sorted order. */
export function readGazetteerLists(
  dir: string = path.join(PROJECT_ROOT, 'data', 'gazetteers'),
): Record<string, string[]> {
  const lists: Record<string, string[]> = {}
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const entries = readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
    lists[file.slice(0, -4)] = [...new Set(entries)]
  }
  return lists
}

/** Words training text writes mostly in lower case (outside sentence starts and headlines). */
export function commonWords(sentences: readonly UnitSentence[]): string[] {
  const lower = new Map<string, number>()
  const total = new Map<string, number>()
  for (const s of sentences) {
    if (!s.texts.some((t) => t.length > 1 && /\p{Ll}/u.test(t))) continue
    s.texts.forEach((t, i) => {
      if (i === 0 || !/\p{L}/u.test(t)) return
      const key = t.toLowerCase()
      total.set(key, (total.get(key) ?? 0) + 1)
      if (t === key) lower.set(key, (lower.get(key) ?? 0) + 1)
    })
  }
  return [...lower.entries()]
    .filter(
      ([w, n]) => n >= TRAINING.commonMinCount && n / (total.get(w) as number) >= TRAINING.commonMinShare,
    )
    .map(([w]) => w)
    .sort()
}

type ClusterMeta = NonNullable<EntityModelMeta['clusters']>

/** Tagger-unit sentences (digits as 0, ’ as ') of the cluster corpus plus CoNLL train. */
function clusterCorpus(
  dataDir: string,
  train: readonly UnitSentence[],
): { sentences: string[][]; used: string[] } {
  const sentences: string[][] = []
  const used: string[] = []
  const normalise = (w: string): string => w.replace(/\d/g, '0').replace(/’/g, "'")
  for (const source of CLUSTER_SOURCES) {
    const file = path.join(dataDir, source)
    if (!existsSync(file)) continue
    used.push(source)
    for (const doc of readJsonl<{ text?: string }>(file)) {
      for (const line of (doc.text ?? '').split('\n')) {
        if (line.trim() === '') continue
        const tok = tokenize(line)
        sentences.push(unitsFromTokens(line, tok.starts, tok.ends, 0, tok.starts.length).texts.map(normalise))
      }
    }
  }
  for (const s of train) sentences.push(s.texts.map(normalise))
  return { sentences, used }
}

/** Exchange word classes at every configured granularity. */
export function buildClusters(
  dataDir: string,
  train: readonly UnitSentence[],
  log: (line: string) => void,
): ClusterMeta & { sources: string[] } {
  const { sentences, used } = clusterCorpus(dataDir, train)
  let words: string[] = []
  const classes: number[][] = []
  for (const size of TRAINING.clusterSizes) {
    const result = exchangeClusters(sentences, {
      classes: size,
      minCount: TRAINING.clusterMinCount,
      passes: TRAINING.clusterPasses,
      log,
    })
    words = result.words
    classes.push([...result.classOf])
  }
  return { sizes: [...TRAINING.clusterSizes], words, classes, sources: used }
}

interface Prepared {
  sentence: UnitSentence
  features: SentenceFeatures
  labels: number[]
}

/** Sentences grouped into their documents, in order. */
export function groupByDoc<T extends { doc: string }>(items: readonly T[]): T[][] {
  const docs: T[][] = []
  let current = ''
  for (const item of items) {
    if (item.doc !== current || docs.length === 0) {
      docs.push([])
      current = item.doc
    }
    ;(docs[docs.length - 1] as T[]).push(item)
  }
  return docs
}

function prepareDocs(sentences: readonly UnitSentence[], resources: FeatureResources): Prepared[][] {
  return groupByDoc(sentences).map((doc) => {
    const features = documentFeatures(
      doc.map((s) => s.texts),
      resources,
    )
    return doc.map((s, i) => ({
      sentence: s,
      features: features[i] as SentenceFeatures,
      labels: encodeBilou(s.texts.length, s.gold),
    }))
  })
}

/** Entity-level exact-match counts of a scorer on prepared documents. */
export interface SpanCounts {
  tp: number
  fp: number
  fn: number
}

function evaluate(scorer: Scorer, docs: Prepared[][]): SpanCounts {
  const counts = { tp: 0, fp: 0, fn: 0 }
  for (const doc of docs) {
    const labels = tagDocumentUnits(
      scorer,
      doc.map((item) => item.features),
      CONLL_TYPES.length,
    )
    doc.forEach((item, s) => {
      const predicted = decodeBilou(labels[s] as Int32Array)
      const gold = new Set(item.sentence.gold.map((g) => `${g.start}:${g.end}:${g.type}`))
      for (const p of predicted) {
        if (gold.delete(`${p.start}:${p.end}:${p.type}`)) counts.tp++
        else counts.fp++
      }
      counts.fn += gold.size
    })
  }
  return counts
}

/** F1 in percent from counts. */
export function f1(c: SpanCounts): number {
  return c.tp === 0 ? 0 : (200 * c.tp) / (2 * c.tp + c.fp + c.fn)
}

export interface TrainEntitiesResult {
  devF1: number
  epoch: number
  features: number
  bytes: number
}

/**
 * Trains and writes models/entities (model.json, model.bin, provenance.json, PROVENANCE.md).
 *
 * @example
 * await trainEntities({ dataDir: '../shared/data', outDir: 'models/entities', log: console.error })
 */
export async function trainEntities(opts: {
  dataDir: string
  outDir: string
  log?: (line: string) => void
  /** Precomputed word classes (experiments only; by default they are built here, deterministically). */
  clusters?: ClusterMeta & { sources: string[] }
  /** Settings other than {@link TRAINING} (experiments only: the shipped model uses TRAINING). */
  settings?: Partial<Pick<typeof TRAINING, 'seed' | 'maxEpochs' | 'ensemble' | 'minWeight' | 'decimals'>>
}): Promise<TrainEntitiesResult> {
  const log = opts.log ?? (() => {})
  const settings = { ...TRAINING, ...opts.settings }
  const trainFile = path.join(opts.dataDir, 'ner', 'conll2003-train.tokens.jsonl')
  const devFile = path.join(opts.dataDir, 'ner', 'conll2003-dev.tokens.jsonl')
  const trainSentences = readConllUnits(trainFile)
  const devSentences = readConllUnits(devFile)
  const gazetteers = readGazetteerLists()
  const clusters = opts.clusters ?? buildClusters(opts.dataDir, trainSentences, log)
  const resources: FeatureResources = {
    gazetteer: new Gazetteer(gazetteers),
    commonWords: new Set(commonWords(trainSentences)),
    clusters: {
      index: new Map(clusters.words.map((w, i) => [w, i])),
      classes: clusters.classes.map((c) => Int32Array.from(c)),
    },
  }
  log(
    `entities: ${trainSentences.length} train / ${devSentences.length} dev sentences, ${resources.commonWords.size} common words`,
  )
  const trainDocs = prepareDocs(trainSentences, resources)
  const devDocs = prepareDocs(devSentences, resources)

  const labelCount = 1 + 4 * CONLL_TYPES.length
  // An ensemble of perceptrons that differ only in their shuffle seed, merged into one linear model by
  // averaging their weights: one model at run time, steadier than any member.
  const members = Array.from({ length: settings.ensemble }, (_, e) => ({
    perceptron: new AveragedPerceptron(labelCount),
    random: seededRandom(settings.seed + e),
    order: trainDocs.map((_, i) => i),
  }))
  let best: { f1: number; epoch: number; model: LinearModel } | null = null
  for (let epoch = 1; epoch <= settings.maxEpochs; epoch++) {
    let mistakes = 0
    for (const { perceptron, random, order } of members) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[order[i], order[j]] = [order[j] as number, order[i] as number]
      }
      for (const d of order) {
        const doc = trainDocs[d] as Prepared[]
        tagDocumentUnits(
          perceptron,
          doc.map((item) => item.features),
          CONLL_TYPES.length,
          (s) => (features, count, unit, predicted) => {
            const gold = (doc[s] as Prepared).labels[unit] as number
            if (gold !== predicted) mistakes++
            perceptron.update(features, count, gold, predicted)
            perceptron.tick()
            return predicted
          },
        )
      }
    }
    const model = mergeLinearModels(
      members.map((m) => m.perceptron.average(0, 6)),
      settings.minWeight,
      settings.decimals,
    )
    const score = f1(evaluate(model, devDocs))
    log(
      `epoch ${epoch}: ${mistakes} training mistakes, dev F1 ${score.toFixed(2)}, ${model.featureCount} features`,
    )
    if (!best || score > best.f1) best = { f1: score, epoch, model }
  }
  if (!best) throw new Error('no epochs were run')

  const bytes = encodeLinearModel(best.model.data)
  const weightsSha256 = createHash('sha256').update(bytes).digest('hex')
  const meta: EntityModelMeta = {
    format: MODEL_FORMAT,
    types: [...CONLL_TYPES],
    weightsFile: 'model.bin',
    weightsSha256,
    gazetteers,
    typeLists: readGazetteerLists(path.join(PROJECT_ROOT, 'data', 'gazetteers', 'types')),
    commonWords: [...resources.commonWords],
    clusters: { sizes: clusters.sizes, words: clusters.words, classes: clusters.classes },
  }
  const metaText = `${JSON.stringify(meta)}\n`
  mkdirSync(opts.outDir, { recursive: true })
  writeFileSync(path.join(opts.outDir, 'model.bin'), bytes)
  writeFileSync(path.join(opts.outDir, 'model.json'), metaText)
  const provenance = {
    model: 'entities',
    format: MODEL_FORMAT,
    learner: `${settings.ensemble} averaged perceptrons (shuffle seeds differ), weights averaged; greedy two-pass BILOU; hashed features`,
    training: settings,
    data: {
      train: { file: 'ner/conll2003-train.tokens.jsonl', sha256: sha256File(trainFile) },
      dev: { file: 'ner/conll2003-dev.tokens.jsonl', sha256: sha256File(devFile) },
      licence:
        'CoNLL-2003 English (Reuters RCV1, 1996): research use only; the Reuters texts are not redistributed, only weights learnt from them',
      gazetteers: 'data/gazetteers/*.txt, hand-curated for claimtrail (MIT)',
      typeLists:
        'data/gazetteers/types/*.txt: languages.txt from the ISO 639-2 names of Debian iso-codes 4.15.0 (LGPL-2.1-or-later) plus a few hand-added names; products.txt hand-curated (MIT)',
      wordClasses: {
        sources: [...clusters.sources, 'ner/conll2003-train.tokens.jsonl'],
        note: 'exchange clustering of unlabelled text; only word→class ids are shipped; sources keep their own licences (see ../shared/data/README.md)',
      },
    },
    selectedEpoch: best.epoch,
    devUnitF1: Number(best.f1.toFixed(2)),
    features: best.model.featureCount,
    files: {
      'model.json': createHash('sha256').update(metaText).digest('hex'),
      'model.bin': weightsSha256,
    },
  }
  writeFileSync(path.join(opts.outDir, 'provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`)
  writeFileSync(path.join(opts.outDir, 'PROVENANCE.md'), provenanceMarkdown(provenance))
  log(
    `entities: wrote ${opts.outDir} (epoch ${best.epoch}, dev F1 ${best.f1.toFixed(2)}, ${bytes.length} bytes)`,
  )
  return { devF1: best.f1, epoch: best.epoch, features: best.model.featureCount, bytes: bytes.length }
}

/** PROVENANCE.md of a model from its provenance.json object. */
export function provenanceMarkdown(p: {
  selectedEpoch: number
  devUnitF1: number
  features: number
  data: { train: { sha256: string }; dev: { sha256: string } }
  files: Record<string, string>
}): string {
  return [
    '# models/entities',
    '',
    'Named-entity tagger for the `entities` stage: greedy two-pass BILOU decoding with the averaged weights of',
    'three averaged perceptrons (different shuffle seeds) over hashed features',
    '(src/nlp/entities, src/nlp/learn). Rebuild with `claimtrail train entities`; training is deterministic.',
    '',
    '## Data and licence',
    '',
    `- Trained on CoNLL-2003 English train (\`ner/conll2003-train.tokens.jsonl\`, sha256 ${p.data.train.sha256});`,
    `  epoch chosen on CoNLL-2003 dev / testa (\`ner/conll2003-dev.tokens.jsonl\`, sha256 ${p.data.dev.sha256}).`,
    '- CoNLL-2003 is built on Reuters RCV1 (1996) news, licensed for **research use only**. The texts are not',
    '  shipped; only weights learnt from them (hashed feature ids and numbers). Check the RCV1 terms before any',
    '  commercial use of this model.',
    '- Gazetteers: data/gazetteers/*.txt, hand-curated for claimtrail (MIT), copied into model.json.',
    '- Type lists (type rules only, not features): data/gazetteers/types/*.txt, copied into model.json;',
    "  languages.txt holds the ISO 639-2 names of Debian's iso-codes 4.15.0 (LGPL-2.1-or-later) and a few",
    '  hand-added names, products.txt is hand-curated (MIT).',
    '',
    '## Result',
    '',
    `- Selected epoch ${p.selectedEpoch}; ${p.features} hashed features.`,
    `- Dev entity F1 of the tagger on CoNLL sentences (our tokenizer): ${p.devUnitF1.toFixed(2)}.`,
    '  The full path (`claimtrail eval entities`) is reported in src/nlp/entities/README.md.',
    '',
    '## Files (sha256)',
    '',
    ...Object.entries(p.files).map(([f, h]) => `- ${f}: ${h}`),
    '',
  ].join('\n')
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}
