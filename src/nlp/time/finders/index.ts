/**
 * The finders, in priority order: when two candidates cover exactly the same span, the earlier
 * finder wins (longer spans always win first; see refiners/drop-overlaps). Specific patterns come
 * before generic ones, so "the third quarter" is a quarter before it is anything else.
 */
import { calendarFinders } from './calendar-parts-list.js'
import { dayMonthFinder, isoDateFinder, monthDayFinder, slashDateFinder } from './explicit-date.js'
import { monthYearFinder } from './month-year.js'
import { centuryFinder, decadeFinder, decadeWordFinder, spelledYearFinder, yearFinder } from './years.js'
import { weekdayFinder } from './weekdays.js'
import { dayAroundFinder, dayWordFinder, determinedFinder, theWeekendFinder } from './relative.js'
import { clock12Finder, clock24Finder, namedTimeFinder, oclockFinder } from './time-of-day.js'
import {
  adverbSetFinder,
  everyNamedFinder,
  everyUnitFinder,
  pluralWeekdayFinder,
  timesPerFinder,
} from './sets.js'
import { barePluralFinder, durationFinder, unitLongFinder } from './durations.js'
import { refFinder } from './refs.js'
import { holidayFinder } from './holidays.js'
import {
  endOfFinder,
  latestPeriodFinder,
  yearPeriodFinder,
  theYearFinder,
  yearAgoFinder,
  yearEndFinder,
} from './year-phrases.js'
import type { Finder } from '../types.js'

export const FINDERS: readonly Finder[] = [
  isoDateFinder,
  slashDateFinder,
  monthDayFinder,
  dayMonthFinder,
  monthYearFinder,
  holidayFinder,
  ...calendarFinders,
  endOfFinder,
  yearEndFinder,
  yearAgoFinder,
  latestPeriodFinder,
  yearPeriodFinder,
  centuryFinder,
  decadeFinder,
  decadeWordFinder,
  yearFinder,
  spelledYearFinder,
  clock12Finder,
  clock24Finder,
  namedTimeFinder,
  oclockFinder,
  dayWordFinder,
  dayAroundFinder,
  weekdayFinder,
  everyNamedFinder,
  everyUnitFinder,
  timesPerFinder,
  pluralWeekdayFinder,
  adverbSetFinder,
  determinedFinder,
  theYearFinder,
  theWeekendFinder,
  durationFinder,
  barePluralFinder,
  unitLongFinder,
  refFinder,
]
