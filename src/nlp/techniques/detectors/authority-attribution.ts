/**
 * Appeal to authority through an attribution: a statement credited to an authority (a title, an
 * institution, "experts", "scientists", "the Supreme Leader") and reported inside another speaker's
 * words, where it backs that speaker's claim ("He said that the Supreme Leader has noted that …"). The
 * span is the nested attribution, from its first part (source, cue or content) to its last, and its
 * voice is the citing speaker. Reads the attributions layer; finds nothing without it. On PTC dev (the
 * attribution stage run first) no nested citation of an authority occurs; counting every attribution
 * to an authority gives 29 spans at 5.5% precision, so 'any' is not used.
 */
import type { Attribution } from '../../../model/layers.js'
import type { DetectorContext, PatternDetector, RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const CITED_AUTHORITY_RULE = 'authority:cited-authority'

/** Expert and scholarly sources, in any case ("Experts", "scientists"). */
const EXPERTS =
  /(?<![\p{L}-])(experts?|scientists?|researchers?|scholars?|doctors?|physicians|professors?|studies|study|analysts?|economists?)(?![\p{L}-])/iu

/** Titles, offices and institutions, capitalised as names are ("the Supreme Leader", "Court"). */
const TITLES =
  /(?<![\p{L}-])(Dr|President|Prime\s+Minister|Minister|Secretary|General|Director|Chief|Commander|Leader|Pope|Cardinal|Bishop|Archbishop|Ayatollah|Imam|Judge|Justice|Court|Agency|Institute|University|Academy|Ministry|Council|Commission|Organi[sz]ation|Centers?|Centres?|FBI|CIA|WHO|UN)(?![\p{L}-])/u

/** Which attributions count: nested ones only (an authority backing a speaker) or any. */
export type AuthorityScope = 'nested' | 'any'

/**
 * Spans of attributions whose source is an authority; with `scope` 'nested' (the default) only those
 * inside another attribution's content.
 *
 * @example
 * findCitedAuthorities(text, doc.layer('attributions'))[0].cues // ['Leader']
 */
export function findCitedAuthorities(
  text: string,
  attributions: readonly Attribution[],
  scope: AuthorityScope = 'nested',
): RuleSpan[] {
  const out: RuleSpan[] = []
  for (const a of attributions) {
    if (!a.source || (scope === 'nested' && a.parent === null)) continue
    const source = text.slice(a.source.start, a.source.end)
    const authority = (EXPERTS.exec(source) ?? TITLES.exec(source))?.[1]
    if (authority === undefined) continue
    const parts = [a.source, a.content, ...(a.cue ? [a.cue] : [])]
    out.push({
      start: Math.min(...parts.map((p) => p.start)),
      end: Math.max(...parts.map((p) => p.end)),
      cues: [authority],
      voice: a.parent,
    })
  }
  return out
}

/** The detector as wired into detect.ts: nested citations only. */
export const citedAuthorityDetector: PatternDetector = {
  technique: 'appeal_to_authority',
  rule: CITED_AUTHORITY_RULE,
  score: 0.2,
  find: (text: string, context: DetectorContext) => findCitedAuthorities(text, context.attributions),
}
