import type { Finder } from '../types.js'
import { quarterFinder, seasonFinder, shortQuarterFinder, theQuarterFinder } from './calendar-parts.js'

/** Quarter, half and season finders in their priority order. */
export const calendarFinders: readonly Finder[] = [
  quarterFinder,
  shortQuarterFinder,
  theQuarterFinder,
  seasonFinder,
]
