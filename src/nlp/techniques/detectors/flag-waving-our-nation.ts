/**
 * Flag-waving through a first-person claim on the nation: "our country", "our nation", "our
 * Constitution", "our soldiers". On PTC train these lie 51% inside gold flag-waving spans, but none
 * of the 4 on dev, so the detector is off by default (README).
 */
import { matchSpans, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const OUR_NATION_RULE = 'flag-waving:our-nation'

const PATTERN = new RegExp(
  '(?<![\\p{L}-])our\\s+(?:great\\s+|beloved\\s+|own\\s+)?(nation|country|homeland|motherland|fatherland|' +
    'republic|constitution|flag|troops|soldiers|veterans|heroes|founders|forefathers|borders?)(?![\\p{L}-])',
  'giu',
)

/**
 * "our nation" spans in `text`; the cue is the nation word.
 *
 * @example
 * findOurNation('They hate our country.')[0].cues // ['country']
 */
export function findOurNation(text: string): RuleSpan[] {
  return matchSpans(PATTERN, text, (m) => [m[1]])
}

/** The detector as wired into detect.ts. */
export const ourNationDetector: PatternDetector = {
  technique: 'flag_waving',
  rule: OUR_NATION_RULE,
  score: 0.51,
  find: findOurNation,
}
