import { describe, expect, it } from 'vitest'
import { dateFromUrl, normalizeDate } from './dates.js'

describe('normalizeDate', () => {
  it.each([
    ['2022-09-01', '2022-09-01'],
    ['2022-09-01T23:30:00-05:00', '2022-09-01'],
    ['2022-09-01T02:00:00Z', '2022-09-01'],
    ['2022-9-1', '2022-09-01'],
    ['2022/09/01 10:15', '2022-09-01'],
    ['2022.09.01', '2022-09-01'],
    ['20220901', '2022-09-01'],
    ['20220901T101500', '2022-09-01'],
    ['September 1, 2022', '2022-09-01'],
    ['Sept. 1, 2022 10:30 a.m. EDT', '2022-09-01'],
    ['Thu, 01 Sep 2022 10:00:00 GMT', '2022-09-01'],
    ['1 September 2022', '2022-09-01'],
    ['1st of September, 2022', '2022-09-01'],
    ['Published: March 14th, 2023', '2023-03-14'],
    ['1662026400', '2022-09-01'],
    ['1662026400000', '2022-09-01'],
    [1662026400, '2022-09-01'],
    ['2024-02-29', '2024-02-29'],
    ['14. Juni 2013, 20:51', '2013-06-14'],
    ['Veröffentlicht am 29.01.2020 um 10:15 Uhr', '2020-01-29'],
    ['5.2.2019', '2019-02-05'],
    ['8 janvier 2020', '2020-01-08'],
    ['1er mars 2021', '2021-03-01'],
    ['22 de noviembre de 2011', '2011-11-22'],
    ['3 maggio 2018', '2018-05-03'],
    ['Teil 3 2019, Stand: 4. März 2020', '2020-03-04'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected)
  })

  it.each([
    ['01/09/2022'], // US or European: cannot tell
    ['2023-02-29'], // not a day
    ['2022-13-01'],
    ['yesterday'],
    ['Smarch 3, 2022'],
    ['0001-01-01'],
    [''],
    ['   '],
  ])('refuses %j', (input) => {
    expect(normalizeDate(input)).toBeNull()
  })
})

describe('dateFromUrl', () => {
  it.each([
    ['https://www.tasnimnews.com/en/news/2022/09/01/2767134/salami', '2022-09-01'],
    ['https://example.com/world/2023-03-14/port-strike', '2023-03-14'],
    ['https://example.com/news/1234567/port-strike', null],
    ['https://example.com/2023/02/30/not-a-day/', null],
  ])('%s → %s', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected)
  })
})
