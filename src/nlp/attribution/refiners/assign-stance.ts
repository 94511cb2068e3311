/**
 * The cue's stance, from the stance column of the reporting-verb table (data/attribution/reporting-verbs.tsv,
 * the claimtrail stance seed) folded into the four classes the layer carries. The last table verb in the
 * cue decides ("has repeatedly claimed" → claim); a cue with none (a colon, a dash, a learned cue such as
 * "seemed") is neutral.
 */
import type { AttributionStance } from '../../../model/layers.js'
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

/** Seed classes → layer classes; classes not named here ("emphatic", "accusation", …) count as neutral. */
const STANCE_OF_SEED: Readonly<Record<string, AttributionStance>> = {
  distancing: 'distancing',
  contested_assertion: 'distancing',
  acknowledging: 'acknowledging',
  belief: 'belief',
}

/** Stance of the cue spanning tokens from the one at `start` up to `end` (character offsets). */
export function cueStance(d: AttributionDoc, start: number, end: number): AttributionStance {
  let stance: AttributionStance = 'neutral'
  for (let i = d.tokenFrom(start); i < d.n && (d.starts[i] as number) < end; i++) {
    const verb = d.verb(i)
    if (verb) stance = STANCE_OF_SEED[verb.stance] ?? 'neutral'
  }
  return stance
}

/**
 * @example "Trump claimed that …" → distancing; "she admitted …" → acknowledging; "he said …" → neutral
 */
export function assignStance(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  return drafts.map((draft) => ({
    ...draft,
    stance: draft.cue ? cueStance(d, draft.cue.start, draft.cue.end) : 'neutral',
  }))
}
