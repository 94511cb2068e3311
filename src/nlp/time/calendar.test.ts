import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isoWeek,
  isoWeekday,
  parseYmd,
} from './calendar.js'

describe('calendar', () => {
  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, d) => {
          const day = Math.min(d, daysInMonth(year, month))
          expect(fromDayNumber(dayNumber({ year, month, day }))).toEqual({ year, month, day })
        },
      ),
    )
  })

  it.each([
    ['2022-09-01', 4, 2022, 35],
    ['2015-09-22', 2, 2015, 39],
    ['2021-01-01', 5, 2020, 53],
    ['2024-12-30', 1, 2025, 1],
  ])('%s is ISO weekday %i in week %i-W%i', (iso, weekday, year, week) => {
    const d = parseYmd(iso)
    expect(d).not.toBeNull()
    if (d === null) return
    expect(isoWeekday(d)).toBe(weekday)
    expect(isoWeek(d)).toEqual({ year, week })
  })

  it('shifts across month and year ends', () => {
    expect(addDays({ year: 2022, month: 3, day: 1 }, -1)).toEqual({ year: 2022, month: 2, day: 28 })
    expect(addMonths(2022, 1, -2)).toEqual({ year: 2021, month: 11 })
  })

  it('rejects malformed publication dates', () => {
    expect(parseYmd('2022-02-30')).toBeNull()
    expect(parseYmd('September 1, 2022')).toBeNull()
    expect(parseYmd(null)).toBeNull()
  })
})
