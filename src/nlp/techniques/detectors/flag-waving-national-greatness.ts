/**
 * Flag-waving through national greatness given as the reason: "It's what makes America great", "the
 * values that made Britain strong". The nation must be a GPE or NORP mention; the verb is in the third
 * person and the adjective in lower case, so the capitalised imperative slogan ("Make America Great
 * Again", which PTC marks as a slogan) is left to the tagger.
 */
import { subjectIsPlace } from './flag-waving-national-pledge.js'
import { matchSpans, type DetectorContext, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const NATIONAL_GREATNESS_RULE = 'flag-waving:national-greatness'

// Led by the verb (a literal, which V8 scans fast); the span is then cut to start at the nation, so
// that `subjectIsPlace` can check it.
const PATTERN = new RegExp(
  '\\b(?:makes|made|making|keeps|kept)\\s+(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?)\\s+' +
    '(great|greater|strong|stronger|exceptional|special|free|safe)(?![\\p{L}-])',
  'gu',
)

/**
 * National-greatness spans in `text` whose nation is one of `context.places`; the cues are the nation
 * and the adjective.
 *
 * @example
 * findNationalGreatness("It's what makes America great.", { places: [{ start: 16, end: 23 }] })[0].cues // ['America', 'great']
 */
export function findNationalGreatness(text: string, context: DetectorContext): RuleSpan[] {
  if (context.places.length === 0) return []
  const spans = matchSpans(PATTERN, text, (m) => [m[1], m[2]]).map((s) => ({
    ...s,
    start: s.start + text.slice(s.start, s.end).indexOf(s.cues[0] as string),
  }))
  return spans.filter((s) => subjectIsPlace(s, context))
}

/** The detector as wired into detect.ts. */
export const nationalGreatnessDetector: PatternDetector = {
  technique: 'flag_waving',
  rule: NATIONAL_GREATNESS_RULE,
  score: 0.3,
  find: findNationalGreatness,
}
