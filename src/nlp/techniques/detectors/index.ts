/**
 * The pattern detectors run after the tagger, in order (a later one skips spans an earlier one or the
 * tagger already gave its technique). Each was kept only if it did not lower PTC dev labelled F1 (README).
 */
import { absoluteDenialDetector } from './exaggeration-absolute.js'
import { intensifierDetector } from './exaggeration-intensifier.js'
import { superlativeScopeDetector } from './exaggeration-superlative.js'
import { actorLabelDetector } from './name-calling-label.js'
import type { PatternDetector } from './rule-span.js'

/** Detectors of the default preset. */
export const DEFAULT_DETECTORS: readonly PatternDetector[] = [
  actorLabelDetector,
  superlativeScopeDetector,
  intensifierDetector,
  absoluteDenialDetector,
]

/** Every detector by rule name, for experiments and the stage option that switches extra ones on. */
export const ALL_DETECTORS: readonly PatternDetector[] = [
  actorLabelDetector,
  superlativeScopeDetector,
  intensifierDetector,
  absoluteDenialDetector,
]
