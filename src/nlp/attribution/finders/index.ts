/**
 * The finders, one pattern each. Order does not matter (every finder sees the whole document and the
 * refiners settle conflicts by priority); it is kept alphabetical.
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Candidate } from '../candidate.js'
import { findAccordingTo } from './according-to.js'
import { findAsNoted } from './as-noted.js'
import { findColonSpeakers } from './colon-speaker.js'
import { findDashCredits } from './dash-credit.js'
import { findDirectQuotes } from './direct-quote.js'
import { findFloatingQuotes } from './floating-quote.js'
import { findInPoll } from './in-poll.js'
import { findParentheticals } from './parenthetical.js'
import { findParticipials } from './participial.js'
import { findSaidThat } from './said-that.js'
import { findSentenceFinal } from './sentence-final.js'
import { findTrailingCredits } from './trailing-credit.js'
import { findVerbObjects } from './verb-object.js'

export type Finder = (d: AttributionDoc) => Candidate[]

export const FINDERS: readonly Finder[] = [
  findAccordingTo,
  findAsNoted,
  findColonSpeakers,
  findDashCredits,
  findDirectQuotes,
  findFloatingQuotes,
  findInPoll,
  findParentheticals,
  findParticipials,
  findSaidThat,
  findSentenceFinal,
  findTrailingCredits,
  findVerbObjects,
]
