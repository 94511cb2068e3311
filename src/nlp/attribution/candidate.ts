/**
 * What finders return and refiners pass along: an attribution before ids, nesting and speakers are set.
 */
import type { AttributionStance } from '../../model/layers.js'
import type { Span } from '../../model/span.js'

/** Where the speaker comes from when the candidate's own source does not name one. */
export type SpeakerInheritance =
  /** ", saying that …": the speaker of the attribution in the main clause of the same sentence. */
  | 'main-clause'
  /** A quotation with no cue of its own: the speaker of the attribution just before it. */
  | 'previous'

export interface Candidate {
  /** The finder that made it (its file name), for provenance. */
  rule: string
  cue: Span | null
  content: Span
  source: Span | null
  inherit?: SpeakerInheritance
  /** Higher wins when two candidates claim the same cue or crossing contents (see refiners/drop-conflicts.ts). */
  priority: number
}

/** A candidate as the refiners complete it. Indices refer to the draft array the refiner received. */
export interface Draft extends Candidate {
  parent: number | null
  speaker: string | null
  mode: 'direct' | 'indirect' | 'mixed'
  /** For `inherit` drafts: the index of the draft they inherit from, once linked. */
  inheritsFrom: number | null
  stance?: AttributionStance
}

/** Finder priorities: quotation rules and speaker labels are the most precise, trailing-context rules the least. */
export const PRIORITY = {
  directQuote: 10,
  saidThat: 8,
  accordingTo: 8,
  sentenceFinal: 7,
  parenthetical: 6,
  participial: 6,
  colonSpeaker: 9,
  verbObject: 3,
  /** The learned finder runs where rules found nothing; below every rule but floating quotations. */
  learned: 2,
  floatingQuote: 1,
} as const
