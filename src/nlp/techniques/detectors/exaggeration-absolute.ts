/**
 * Exaggeration through an absolute denial of existence: "no safe place has been left for the Zionist
 * regime", "not a single hospital remains", "nowhere is safe". The span is the clause from the
 * quantifier to its verb, the claim's scope. Such clauses are rare in PTC (none on dev), so this rule
 * neither helps nor hurts the dev score; it is here for state-media and interview prose.
 */
import { matchSpans, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const ABSOLUTE_DENIAL_RULE = 'exaggeration:absolute-denial'

/** "no" as a quantifier over things, not "no longer" or "no more" (time and degree). */
const QUANTIFIER = 'no(?!\\s+(?:longer|more|less|matter)(?![\\p{L}-]))|not\\s+a\\s+single|not\\s+one'

/** Up to three words naming what is denied ("safe place", "single hospital"). */
const THING = '(?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+\\s+'

const PATTERN = new RegExp(
  `(?<![\\p{L}-])(?:(${QUANTIFIER})\\s+${THING}(?:has|have|had|is|was|were|are|will\\s+be)\\s+(?:been\\s+)?(left|spared)|` +
    `(${QUANTIFIER})\\s+${THING}(remains?|remained|survives?|survived)|` +
    '(nowhere)\\s+(?:is|was|will\\s+be)\\s+(?:\\p{L}+\\s+)?(safe|spared))(?![\\p{L}-])',
  'giu',
)

/**
 * Absolute-denial clauses in `text`; the cues are the quantifier and the verb.
 *
 * @example
 * findAbsoluteDenial('no safe place has been left for them')[0].end // 27
 */
export function findAbsoluteDenial(text: string): RuleSpan[] {
  return matchSpans(PATTERN, text, (m) => [m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]])
}

/** The detector as wired into detect.ts. */
export const absoluteDenialDetector: PatternDetector = {
  technique: 'exaggeration_minimisation',
  rule: ABSOLUTE_DENIAL_RULE,
  score: 0.1,
  find: findAbsoluteDenial,
}
