/**
 * The refiners, in order. The order matters:
 * 1. drop-conflicts first: it removes candidates, so it runs before anything links by index.
 * 2. clean-sources trims auxiliaries off a source's edges and drops a source with no noun phrase in it:
 *    before anything reads a source (floating quotations, speakers).
 *    cue-prepositions then moves a linking preposition from the content's start into the cue, and
 *    cut-coordinated ends a content before a coordinated clause with its own attribution: they change
 *    content spans, so they run before the sort.
 * 3. sort into layer order: every later refiner refers to drafts by index and looks backwards.
 * 4. link-floating-quotes merges or drops quotations with no cue; it needs conflicts settled (a quote
 *    with a cue is never floating) and removes items, so it runs before indices are taken.
 * 5. assign-mode (and assign-stance, which reads only the cue) after the merges: "Kerry said that 100,000 would be accepted. “That adds up …”" becomes mixed.
 * 6. nest-attributions sets parents; link-main-clause needs them (the main clause is a sibling).
 * 7. resolve-speakers last: inheriting drafts need their donor's source, linked above.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'
import { assignMode } from './assign-mode.js'
import { assignStance } from './assign-stance.js'
import { cleanSources } from './clean-sources.js'
import { cuePrepositions } from './cue-prepositions.js'
import { cutCoordinated } from './cut-coordinated.js'
import { dropConflicts } from './drop-conflicts.js'
import { linkFloatingQuotes } from './link-floating-quotes.js'
import { linkMainClause } from './link-main-clause.js'
import { nestAttributions } from './nest-attributions.js'
import { resolveSpeakers } from './resolve-speakers.js'
import { sortDrafts } from './sort-drafts.js'

export type Refiner = (drafts: readonly Draft[], d: AttributionDoc) => Draft[]

export const REFINERS: readonly Refiner[] = [
  dropConflicts,
  cleanSources,
  cuePrepositions,
  cutCoordinated,
  sortDrafts,
  linkFloatingQuotes,
  assignMode,
  assignStance,
  nestAttributions,
  linkMainClause,
  resolveSpeakers,
]
