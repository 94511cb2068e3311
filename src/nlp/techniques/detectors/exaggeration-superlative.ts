/**
 * Exaggeration through a superlative with an unbounded scope: "the worst president in American
 * history", "the biggest lie ever", "the most brilliant ruse of all time". The span runs from the
 * superlative to the scope phrase, the claim being made. A bare superlative ("the most important
 * thing") is left to the tagger: on PTC train "the most X" is 16% inside gold exaggeration, against
 * 37% for this rule (33% of 3 on dev).
 */
import { matchSpans, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const SUPERLATIVE_SCOPE_RULE = 'exaggeration:superlative-scope'

const SUPERLATIVE =
  '(?:most|least)\\s+[\\p{L}-]+|worst|best|greatest|biggest|largest|deadliest|fastest|smartest|' +
  'dumbest|stupidest|strongest|weakest|richest|poorest|highest|lowest|finest|brightest|darkest|' +
  'bloodiest|cruellest|cruelest|harshest|toughest|boldest|bravest|wisest|hardest|longest|oldest|' +
  'meanest|sickest|craziest|ugliest|nastiest|dirtiest|filthiest|wickedest|evilest|hottest|coldest'

/** Up to three words between the superlative and its scope ("worst mass shooting in"). */
const SCOPE =
  'ever|in\\s+(?:[\\p{L}-]+\\s+){0,3}history|of\\s+all\\s+times?|in\\s+the\\s+(?:whole\\s+|entire\\s+)?world|' +
  'on\\s+(?:the\\s+)?(?:earth|planet)|in\\s+living\\s+memory|in\\s+(?:a\\s+)?(?:generations?|centuries|decades)'

const PATTERN = new RegExp(
  `(?<![\\p{L}-])(?:the\\s+)?(${SUPERLATIVE})(?:\\s+[\\p{L}'’-]+){0,3}?\\s+(${SCOPE})(?![\\p{L}-])`,
  'giu',
)

/**
 * Superlative-with-scope spans in `text`; the cues are the superlative and the scope word.
 *
 * @example
 * findSuperlativeScope('It was the worst mass shooting in American history.')[0].cues // ['worst', 'history']
 */
export function findSuperlativeScope(text: string): RuleSpan[] {
  return matchSpans(PATTERN, text, (m) => [m[1], (m[2] as string).split(/\s+/u).pop()])
}

/** The detector as wired into detect.ts. */
export const superlativeScopeDetector: PatternDetector = {
  technique: 'exaggeration_minimisation',
  rule: SUPERLATIVE_SCOPE_RULE,
  score: 0.37,
  find: findSuperlativeScope,
}
