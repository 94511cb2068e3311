/**
 * Flag-waving through a nation's pledge without end: "Iran will stand with the Palestinians to the
 * end", "Russia will never abandon its brothers", "Korea shall fight until victory". The subject must be
 * a nation or people (a GPE or NORP mention from the entities stage), so a person's promise is not
 * marked; without mentions the detector finds nothing. The span is the clause from the nation to the
 * end of its pledge.
 */
import { matchSpans, type DetectorContext, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const NATIONAL_PLEDGE_RULE = 'flag-waving:national-pledge'

/**
 * What every pledge has: an endless term or "will never". Tested on the whole text first, since this
 * literal-led pattern scans fast and the full one (led by any capitalised word) does not.
 */
const PLEDGE_END =
  /\b(?:to the (?:very )?(?:end|last|death)|until (?:the end|victory)|forever|(?:will|shall) never)\b/u

const PATTERN = new RegExp(
  '(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})\\s+(?:will|shall)\\s+' +
    '(?:(never|always|forever)\\s+|continue\\s+to\\s+)?(?:stand|fight|support|defend|resist|remain|side|abandon|surrender|give\\s+up)' +
    '(?![\\p{L}-])[^.;!?\\n]{1,80}?(?<![\\p{L}-])(to\\s+the\\s+(?:very\\s+)?(?:end|last|death)|until\\s+(?:the\\s+end|victory)|forever)(?![\\p{L}-])' +
    '|(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})\\s+(?:will|shall)\\s+(never)\\s+(?:abandon|surrender|give\\s+up|bow|kneel|yield)(?![\\p{L}-])',
  'gu',
)

/** Whether a place mention lies in the span's subject (its first cue, where the span starts). */
export function subjectIsPlace(s: RuleSpan, context: DetectorContext): boolean {
  const subjectEnd = s.start + (s.cues[0] ?? '').length
  return context.places.some((p) => p.start < subjectEnd && s.start < p.end)
}

/**
 * National-pledge spans in `text` whose subject is one of `context.places`; the cues are the nation
 * and the word that makes the pledge endless.
 *
 * @example
 * findNationalPledge('Iran will stand with them to the end.', { places: [{ start: 0, end: 4 }] })[0].cues // ['Iran', 'to the end']
 */
export function findNationalPledge(text: string, context: DetectorContext): RuleSpan[] {
  if (context.places.length === 0 || !PLEDGE_END.test(text)) return []
  return matchSpans(PATTERN, text, (m) => [m[1] ?? m[4], m[3] ?? m[2] ?? m[5]]).filter((s) =>
    subjectIsPlace(s, context),
  )
}

/** The detector as wired into detect.ts. */
export const nationalPledgeDetector: PatternDetector = {
  technique: 'flag_waving',
  rule: NATIONAL_PLEDGE_RULE,
  score: 0.3,
  find: findNationalPledge,
}
