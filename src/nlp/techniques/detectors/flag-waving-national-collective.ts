/**
 * Flag-waving through a nation or faith named as one collective: "the American people", "the Islamic
 * Ummah", "the Palestinian nation", "the Christian civilization". On PTC train these phrases lie 64%
 * inside gold flag-waving spans (51% of 7 on dev), but the tagger already has most of them, and the 2
 * it lacks on dev miss: off by default (README).
 */
import { matchSpans, type PatternDetector, type RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const NATIONAL_COLLECTIVE_RULE = 'flag-waving:national-collective'

/** Nouns that make a nation, people or faith one body. */
const COLLECTIVES =
  'people|peoples|nation|Ummah|umma|homeland|motherland|fatherland|civili[sz]ation|heritage|way\\s+of\\s+life|identity'

// Case-sensitive: the adjective must be a capitalised demonym or faith ("American", "Islamic").
const PATTERN = new RegExp(
  `(?<![\\p{L}-])(?:the|The)\\s+(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)\\s+(${COLLECTIVES})(?![\\p{L}-])`,
  'gu',
)

/** Capitalised words before a collective noun that name no nation or faith ("the Chosen people"). */
const NOT_DEMONYMS = new Set([
  'Chosen',
  'Common',
  'Little',
  'Working',
  'Democratic',
  'Republican',
  'Great',
  'Whole',
])

/**
 * National-collective spans in `text`; the cues are the demonym and the collective noun.
 *
 * @example
 * findNationalCollective('Trump said the American people deserve better.')[0].cues // ['American', 'people']
 */
export function findNationalCollective(text: string): RuleSpan[] {
  return matchSpans(PATTERN, text, (m) => [m[1], m[2]]).filter((s) => !NOT_DEMONYMS.has(s.cues[0] as string))
}

/** The detector as wired into detect.ts. */
export const nationalCollectiveDetector: PatternDetector = {
  technique: 'flag_waving',
  rule: NATIONAL_COLLECTIVE_RULE,
  score: 0.64,
  find: findNationalCollective,
}
