/**
 * The pattern detectors run after the tagger, in order (a later one skips spans an earlier one or the
 * tagger already gave its technique). Each was kept in the default list only if it did not lower PTC
 * dev labelled F1 (README.md gives the numbers).
 */
import { citedAuthorityDetector } from './authority-attribution.js'
import { distancedSourceDetector } from './doubt-distancing.js'
import { absoluteDenialDetector } from './exaggeration-absolute.js'
import { intensifierDetector } from './exaggeration-intensifier.js'
import { superlativeScopeDetector } from './exaggeration-superlative.js'
import { nationalCollectiveDetector } from './flag-waving-national-collective.js'
import { nationalGreatnessDetector } from './flag-waving-national-greatness.js'
import { nationalPledgeDetector } from './flag-waving-national-pledge.js'
import { ourNationDetector } from './flag-waving-our-nation.js'
import { actorLabelDetector } from './name-calling-label.js'
import type { PatternDetector } from './rule-span.js'

/** Detectors of the default preset. */
export const DEFAULT_DETECTORS: readonly PatternDetector[] = [
  actorLabelDetector,
  superlativeScopeDetector,
  intensifierDetector,
  absoluteDenialDetector,
  nationalPledgeDetector,
  nationalGreatnessDetector,
  citedAuthorityDetector,
]

/** Every detector, for experiments and the stage option that switches extra ones on. */
export const ALL_DETECTORS: readonly PatternDetector[] = [
  ...DEFAULT_DETECTORS,
  nationalCollectiveDetector,
  ourNationDetector,
  distancedSourceDetector,
]

/** Rule names of the detectors that are off by default and can be switched on by the stage option. */
export const OPTIONAL_DETECTOR_RULES = ALL_DETECTORS.filter((d) => !DEFAULT_DETECTORS.includes(d)).map(
  (d) => d.rule,
)

/**
 * The default detectors and the optional ones named in `extra`.
 *
 * @example
 * detectorsWith(['flag-waving:our-nation']).length // DEFAULT_DETECTORS.length + 1
 */
export function detectorsWith(extra: readonly string[]): readonly PatternDetector[] {
  if (extra.length === 0) return DEFAULT_DETECTORS
  return [
    ...DEFAULT_DETECTORS,
    ...ALL_DETECTORS.filter((d) => extra.includes(d.rule) && !DEFAULT_DETECTORS.includes(d)),
  ]
}
