/**
 * Trigger words of each finder, for the one-pass scan in find.ts: a finder's regex is tried only at
 * word starts up to `lookback` characters before one of its trigger words, so the text is read once by
 * a character loop instead of once per regex (the regexes alone cost ~1.3 ms per 2 KB article).
 *
 * A trigger is a whole run of ASCII letters, lower-cased ("mid-August" gives "mid" and "august"), or a
 * digit shape: `#year` (four digits 1000–2199), `#clock` (digits before ":" + digit or before "a"/"p"),
 * `#slash` (digits before "/"), `#decade` (digits ending in 0 before "s"), `#qh` ("Q3", "H1").
 * Every match of a finder must contain one of its triggers and start at most `lookback` characters
 * before it; find.test.ts checks that the trigger scan finds exactly what a full regex scan finds.
 */

export interface Trigger {
  words: readonly string[]
  lookback: number
}

const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  )
const WEEKDAYS =
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  )
const UNITS =
  'second seconds minute minutes hour hours day days week weeks fortnight fortnights month months quarter quarters year years decade decades century centuries'.split(
    ' ',
  )
const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'overnight']
const SEASONS = ['spring', 'summer', 'fall', 'autumn', 'winter']

export const TRIGGERS: Readonly<Record<string, Trigger>> = {
  'explicit-date:iso': { words: ['#year'], lookback: 0 },
  'explicit-date:slash': { words: ['#slash'], lookback: 0 },
  'explicit-date:month-day': { words: MONTHS, lookback: 0 },
  'explicit-date:day-month': { words: MONTHS, lookback: 12 },
  'month-year': { words: MONTHS, lookback: 30 },
  holidays: {
    words: [
      'christmas',
      'year',
      'thanksgiving',
      'independence',
      'halloween',
      'valentine',
      'boxing',
      'veterans',
      'memorial',
      'labor',
      'election',
    ],
    lookback: 12,
  },
  'calendar-parts:quarter': { words: ['quarter', 'half'], lookback: 48 },
  'calendar-parts:short': { words: ['#qh'], lookback: 0 },
  'calendar-parts:the-quarter': { words: ['quarter'], lookback: 4 },
  'calendar-parts:season': { words: SEASONS, lookback: 24 },
  'year-phrases:end-of': { words: ['year', 'month', 'week', 'quarter'], lookback: 32 },
  'year-phrases:year-end': { words: ['year'], lookback: 8 },
  'year-phrases:year-ago': { words: ['year'], lookback: 44 },
  'year-phrases:latest-period': { words: ['period'], lookback: 24 },
  'year-phrases:year-period': { words: ['period', 'quarter'], lookback: 10 },
  'years:century': { words: ['century'], lookback: 40 },
  'years:decade': { words: ['#decade'], lookback: 32 },
  'years:decade-word': {
    words: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    lookback: 16,
  },
  'years:year': { words: ['#year'], lookback: 34 },
  'years:spelled': { words: ['nineteen', 'eighteen', 'twenty', 'thousand'], lookback: 18 },
  'time-of-day:12h': { words: ['#clock'], lookback: 16 },
  'time-of-day:24h': { words: ['#clock'], lookback: 0 },
  'time-of-day:named': {
    words: ['noon', 'midnight', 'midday', 'mid', 'morning', 'afternoon', 'day'],
    lookback: 24,
  },
  'time-of-day:oclock': { words: ['clock'], lookback: 24 },
  'relative:day-word': { words: ['today', 'tonight', 'yesterday', 'tomorrow'], lookback: 8 },
  'relative:day-around': { words: ['yesterday', 'tomorrow'], lookback: 20 },
  weekdays: { words: WEEKDAYS, lookback: 18 },
  'sets:every-named': { words: [...WEEKDAYS, ...MONTHS], lookback: 8 },
  'sets:every-unit': { words: [...UNITS, ...PARTS_OF_DAY, 'weekend'], lookback: 40 },
  'sets:times-per': { words: UNITS, lookback: 32 },
  'sets:plural-weekday': {
    words: ['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays'],
    lookback: 0,
  },
  'sets:adverb': {
    words:
      'daily weekly monthly annually yearly hourly nightly quarterly biweekly fortnightly semiannually biannually'.split(
        ' ',
      ),
    lookback: 0,
  },
  'relative:determined': { words: [...UNITS, 'weekend', ...PARTS_OF_DAY, ...SEASONS], lookback: 36 },
  'year-phrases:the-year': { words: ['year', 'month', 'week'], lookback: 40 },
  'relative:the-weekend': { words: ['weekend'], lookback: 4 },
  durations: { words: UNITS, lookback: 64 },
  'durations:bare-plural': {
    words: ['years', 'months', 'weeks', 'days', 'decades', 'hours', 'centuries', 'quarters'],
    lookback: 10,
  },
  'durations:unit-long': {
    words: [
      'day',
      'days',
      'week',
      'weeks',
      'month',
      'months',
      'year',
      'years',
      'decade',
      'decades',
      'century',
      'centuries',
    ],
    lookback: 0,
  },
  refs: {
    words:
      'now currently nowadays these present moment recently lately recent past future coming term current'.split(
        ' ',
      ),
    lookback: 32,
  },
}
