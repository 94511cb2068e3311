/**
 * Exaggeration through an intensifying adverb or a magnitude adjective and the word it inflates
 * ("absolutely no evidence", "utterly unacceptable", "endless warfare", "unprecedented persecution"),
 * and certainty stated as a percentage ("100% false"). On PTC train these spans lie 18% inside gold
 * exaggeration spans (26% on dev).
 */
import { matchSpans, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const INTENSIFIER_RULE = 'exaggeration:intensified-word'

const INTENSIFIERS =
  'absolutely|totally|completely|utterly|entirely|extremely|incredibly|unbelievably|enormously|' +
  'massively|hugely|immensely|wholly|thoroughly'

const MAGNITUDES =
  'unprecedented|unparalleled|unimaginable|countless|endless|limitless|infinite|enormous|massive|' +
  'colossal|catastrophic|monumental|astronomical|gigantic|staggering'

const PATTERN = new RegExp(
  `(?<![\\p{L}-])(${INTENSIFIERS}|${MAGNITUDES})(?:\\s+([\\p{L}-]+))?(?![\\p{L}-])|(?<![\\d.])(100\\s*(?:%|percent|per\\s+cent))`,
  'giu',
)

/**
 * Intensified-word spans in `text`; the cue is the intensifier.
 *
 * @example
 * findIntensified('There is absolutely no evidence for it.')[0] // { start: 9, end: 22, cues: ['absolutely'] }
 */
export function findIntensified(text: string): RuleSpan[] {
  return matchSpans(PATTERN, text, (m) => [m[1] ?? m[3]])
}

/** The detector as wired into detect.ts. */
export const intensifierDetector: PatternDetector = {
  technique: 'exaggeration_minimisation',
  rule: INTENSIFIER_RULE,
  score: 0.18,
  find: findIntensified,
}
