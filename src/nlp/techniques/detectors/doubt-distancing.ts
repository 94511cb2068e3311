/**
 * Doubt aimed at a source's credibility: the writer reports someone's statement with a distancing cue
 * ("claimed", "alleged", "insisted": the attribution stage's `stance: 'distancing'`) or tags it with a
 * distancing word ("so-called", "alleged", "supposedly") before its content. The span is the cue and
 * the content it casts doubt on. Off by default: on PTC dev it lowers labelled F1 (README.md).
 */
import type { Attribution } from '../../../model/layers.js'
import type { DetectorContext, PatternDetector, RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const DISTANCED_SOURCE_RULE = 'doubt:distanced-source'

/**
 * Spans of attributions the writer distances from; the cue word is the cue.
 *
 * @example
 * findDistancedSources(text, attributions)[0].cues // ['claimed']
 */
export function findDistancedSources(text: string, attributions: readonly Attribution[]): RuleSpan[] {
  const out: RuleSpan[] = []
  for (const a of attributions) {
    if (a.stance !== 'distancing' || !a.cue) continue
    out.push({
      start: Math.min(a.cue.start, a.content.start),
      end: Math.max(a.cue.end, a.content.end),
      cues: [text.slice(a.cue.start, a.cue.end)],
    })
  }
  return out
}

/** The detector as wired into detect.ts. */
export const distancedSourceDetector: PatternDetector = {
  technique: 'doubt',
  rule: DISTANCED_SOURCE_RULE,
  score: 0.1,
  find: (text: string, context: DetectorContext) => findDistancedSources(text, context.attributions),
}
