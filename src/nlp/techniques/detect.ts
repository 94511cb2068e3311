/**
 * Technique spans for a tokenised document: features → per-token logits → spans → Technique items with
 * their score, the voice using them and the cue words that weighed most.
 */
import type { DocView } from '../../model/doc-view.js'
import type { Attribution, Technique } from '../../model/layers.js'
import { TokenKind } from '../../model/tokens.js'
import { decodeSpans, type SpanCandidate } from './decode-spans.js'
import { attributionFor } from './link-attribution.js'
import type { TechniqueModel } from './model.js'
import { DEFAULT_DETECTORS } from './detectors/index.js'
import {
  addRuleSpans,
  NO_CONTEXT,
  type DetectorContext,
  type PatternDetector,
} from './detectors/rule-span.js'
import { addRepetition } from './repetition.js'
import { scoreTokens } from './score-tokens.js'
import { DocFeatures } from './token-features.js'
import type { WordTable } from './word-table.js'

/** Most cue words reported per span: enough to see why, few enough to read. */
const MAX_CUES = 3

/** Rule name recorded in provenance for spans from the token tagger. */
export const TAGGER_RULE = 'tagger:token-logreg'

let features: DocFeatures | undefined
let featuresLexicon: WordTable | undefined
let featuresModel: TechniqueModel | undefined
let logits: Float32Array = new Float32Array(4096)

/** What the pattern detectors may read: the nation and people mentions when the view has mentions. */
function detectorContext(view: DocView, attributions: readonly Attribution[]): DetectorContext {
  const places = view.has('mentions')
    ? view.layer('mentions').filter((m) => m.type === 'GPE' || m.type === 'NORP')
    : []
  return places.length === 0 && attributions.length === 0 ? NO_CONTEXT : { places, attributions }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/** The span's words whose own-word weight for its technique is highest and positive. */
function cueWords(view: DocView, feats: DocFeatures, model: TechniqueModel, c: SpanCandidate): string[] {
  const stride = model.stride ?? model.labels
  const mask = (1 << model.bits) - 1
  const scored: { word: string; weight: number }[] = []
  for (let t = c.first; t < c.last; t++) {
    if (view.tokens.kinds[t] !== TokenKind.WORD) continue
    const weight = model.weights[(feats.wordFeature(t) & mask) * stride + c.label] as number
    if (weight > 0) scored.push({ word: view.tokenText(t), weight })
  }
  scored.sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
  const out: string[] = []
  for (const s of scored) {
    if (!out.includes(s.word)) out.push(s.word)
    if (out.length === MAX_CUES) break
  }
  return out
}

/**
 * Runs the tagger over a view that has tokens and sentences (and mentions, which some detectors read), then the pattern `detectors` (each adds
 * spans of its technique where the tagger has none), then the repetition detector; `attributions` may
 * be empty. Spans scoring below `minScore` are dropped.
 *
 * @example
 * detectTechniques(view, loadTechniqueModel(), loadCueLexicon().masks, [])
 */
export function detectTechniques(
  view: DocView,
  model: TechniqueModel,
  lexicon: WordTable,
  attributions: readonly Attribution[],
  minScore = 0,
  detectors: readonly PatternDetector[] = DEFAULT_DETECTORS,
): Technique[] {
  if (!features || featuresLexicon !== lexicon || featuresModel !== model) {
    features = new DocFeatures(lexicon, model.priors)
    featuresLexicon = lexicon
    featuresModel = model
  }
  const feats = features
  const tokens = view.tokens
  feats.load(view.text, tokens, view.sentences)
  const K = model.labels
  logits = scoreTokens(feats, model, logits)
  const candidates = decodeSpans(
    feats,
    tokens,
    logits,
    K,
    model.decode.thresholds,
    model.decode.maxGap,
    model.decode.modes,
    model.decode.extend,
  )
  let names: readonly Technique['technique'][] = model.names
  const context = detectors.length > 0 ? detectorContext(view, attributions) : NO_CONTEXT
  for (const detector of detectors) {
    // A detector may mark a technique the tagger was not shipped with (appeal to authority): it gets
    // a label after the model's.
    let label = names.indexOf(detector.technique)
    if (label < 0) {
      label = names.length
      names = [...names, detector.technique]
    }
    addRuleSpans(candidates, tokens, detector.find(view.text, context), label, detector)
  }
  addRepetition(feats, tokens, candidates, model.names)
  const items = candidates
    .filter((c) => sigmoid(c.logit) >= minScore)
    .map((c) => {
      const start = tokens.starts[c.first] as number
      const end = tokens.ends[c.last - 1] as number
      return { c, start, end }
    })
  // The layer order: start ascending, end descending; ties by technique name for determinism.
  items.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      (names[a.c.label] as string).localeCompare(names[b.c.label] as string),
  )
  return items.map(({ c, start, end }, n) => {
    const score = Math.round(sigmoid(c.logit) * 1000) / 1000
    const technique: Technique = {
      id: `p${n + 1}`,
      start,
      end,
      technique: names[c.label] as Technique['technique'],
      score,
      attribution: c.voice !== undefined ? c.voice : attributionFor({ start, end }, attributions),
      cues: c.cues ? [...c.cues] : cueWords(view, feats, model, c),
      prov: { stage: 'techniques', rule: c.rule ?? TAGGER_RULE, score },
    }
    return technique
  })
}
