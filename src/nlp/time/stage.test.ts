import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import type { TimeExpr } from '../../model/layers.js'
import { tokensStage } from '../tokens/stage.js'
import { timeStage } from './stage.js'

const pipeline = createPipeline([tokensStage, timeStage])

/** Times of a text with their surfaces (tests only: the time stage itself never imports the tokens stage). */
function timesOf(text: string, published: string | null): Array<TimeExpr & { surface: string }> {
  return pipeline
    .run({ text, meta: { published } })
    .times.map((t) => ({ ...t, surface: text.slice(t.start, t.end) }))
}

// [text, published, surface, start, end, type, value]: surfaces AND offsets, on news sentences
// (the IRGC interview in test/corpus, Wikinews articles in test/corpus, wire-copy style sentences).
// prettier-ignore
const CASES: Array<[string, string | null, string, number, number, string, string]> = [
  // issue 2 acceptance, IRGC interview, published 2022-09-01
  ['Salami referred to the recent Israeli aggression against Gaza that hit the besieged territory earlier in August, saying that the Islamic Jihad Movement led the resistance.', '2022-09-01', 'August', 105, 111, 'DATE', '2022-08'],
  ['The IRGC chief commander said that the resistance against the Zionist regime in the occupied Palestinian territories has been intensified since early 2022, with a large number of Zionists being killed.', '2022-09-01', 'early 2022', 144, 154, 'DATE', '2022'],
  ['Today, he added, fighting against the Zionist regime is not limited to the Gaza Strip.', '2022-09-01', 'Today', 0, 5, 'DATE', '2022-09-01'],
  ['The Palestinian people believe that they can retake their land in the near future.', '2022-09-01', 'the near future', 66, 81, 'DATE', 'FUTURE_REF'],
  // Wikinews (test/corpus), with their own publication dates
  ["News of police response to a boy's digital clock in Texas last week has inspired a global movement.", '2015-09-22', 'last week', 58, 67, 'DATE', '2015-W38'],
  ['Yesterday Mohamed received VIP treatment at the Google Science Fair.', '2015-09-22', 'Yesterday', 0, 9, 'DATE', '2015-09-21'],
  ['Mohamed brought the digital clock he made to school on September 14, and a teacher mistook it for a bomb.', '2015-09-22', 'September 14', 55, 67, 'DATE', '2015-09-14'],
  ['The hashtag was shared on Twitter over one million times by Thursday night.', '2015-09-22', 'Thursday night', 60, 74, 'DATE', '2015-09-17'],
  ['Thousands of people rallied in the plaza Wednesday evening.', '2000-03-30', 'Wednesday evening', 41, 58, 'TIME', '2000-03-29TEV'],
  ['On Friday, fishermen rescued nearly 800 migrants off the coast of Aceh.', '2015-05-18', 'Friday', 3, 9, 'DATE', '2015-05-15'],
  ['Ahmed Mohamed inspires social movement Tuesday, September 22, 2015', '2015-09-22', 'Tuesday, September 22, 2015', 39, 66, 'DATE', '2015-09-22'],
  // tense decides the direction of a bare weekday
  ['On Wednesday, Mohamed and his father are to travel to the United Nations.', '2015-09-22', 'Wednesday', 3, 12, 'DATE', '2015-09-23'],
  ['The first referendum is to be held from November 20 to December 11.', '2015-05-07', 'November 20', 40, 51, 'DATE', '2015-11-20'],
  ['The company will report its third-quarter results on Tuesday.', '2022-09-01', 'Tuesday', 53, 60, 'DATE', '2022-09-06'],
  ['The company will report its third-quarter results on Tuesday.', '2022-09-01', 'third-quarter', 28, 41, 'DATE', '2022-Q3'],
  ['The talks will resume in March, two years after they collapsed.', '2022-01-10', 'March', 25, 30, 'DATE', '2022-03'],
  // quarters and "a year earlier" inheriting the quarter under discussion (TBAQ convention)
  ['Sales in the second quarter of 2021 rose 8% from a year earlier.', '2022-09-01', 'the second quarter of 2021', 9, 35, 'DATE', '2021-Q2'],
  ['Sales in the second quarter of 2021 rose 8% from a year earlier.', '2022-09-01', 'a year earlier', 49, 63, 'DATE', '2020-Q2'],
  ['Private consumption rose just 0.2% in the third quarter, figures show.', '2005-03-01', 'the third quarter', 38, 55, 'DATE', '2004-Q3'],
  // after "the nine months" the period under discussion is that span: the year-earlier one is the span too,
  // "a year earlier" the year before (TBAQ train wsj_0904, wsj_0950, wsj_1013)
  ['In the third quarter, profit rose 12%. In the first nine months, profit rose 9% to $2.3 billion. In the year-earlier period, profit was $2.1 billion.', '1989-10-27', 'the year-earlier period', 100, 123, 'DURATION', 'P9M'],
  ['Third-quarter net rose 5%. For the nine months, net fell to $81 million from $90 million a year earlier.', '1989-10-27', 'a year earlier', 89, 103, 'DATE', '1988'],
  ['Sales for the year-earlier nine months were $4.1 billion.', '1989-10-27', 'the year-earlier nine months', 10, 38, 'DURATION', 'P9M'],
  // "last year's quarter" names a quarter: the last one mentioned, a year before, though "last year" came after it
  ["Revenue in the third quarter rose to $50 million from $41 million last year. Exports for last year's quarter were $9 million.", '1989-11-01', "last year's quarter", 89, 108, 'DATE', '1988-Q3'],
  // a vague number of centuries is written in centuries (TBAQ train)
  ['The mosque has dominated the skyline for centuries.', '1998-01-21', 'centuries', 41, 50, 'DURATION', 'PXC'],
  // a plan in the past perfect lies behind: "had been scheduled to expire Friday" (TBAQ train wsj_0542)
  ['The offer had been scheduled to expire Friday, but the company extended it.', '1989-10-30', 'Friday', 39, 45, 'DATE', '1989-10-27'],
  // "For the week": a week under discussion that the text never places (TBAQ train 3 of 3)
  ['Stocks fell 1.2% on Friday. For the week, the index dropped 3.8%.', '1989-10-30', 'the week', 32, 40, 'DATE', '1989-WXX'],
  // "the 1988 quarter": the quarter under discussion, in the year named
  ['Revenue rose 10% in the third quarter. The company earned $376,000 in the 1988 quarter.', '1989-10-30', 'the 1988 quarter', 70, 86, 'DATE', '1988-Q3'],
  // "the quarter ended Jan. 31" with no quarter under discussion: November–January, mostly Q4
  ['For the quarter ended Jan. 31, the retailer posted a loss of $2 million.', '1990-03-05', 'the quarter', 4, 15, 'DATE', '1989-Q4'],
  // … but a fiscal quarter named before stays the one under discussion (TBAQ train wsj_0928)
  ['Sun posted a loss in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose 39%.', '1989-10-26', 'the quarter', 57, 68, 'DATE', '1989-Q1'],
  // durations: TimeML keeps "the past" in the extent
  ['Prices have risen sharply over the past three years.', '2022-09-01', 'the past three years', 31, 51, 'DURATION', 'P3Y'],
  ['The embargo has lasted five years, officials said.', '2022-09-01', 'five years', 23, 33, 'DURATION', 'P5Y'],
  ['Rescue teams worked for 24 hours without a break.', '2022-09-01', '24 hours', 24, 32, 'DURATION', 'PT24H'],
  ['Refugees lived in the camps for 2 1/2 years.', '2022-09-01', '2 1/2 years', 32, 43, 'DURATION', 'P2Y6M'],
  // times of day, merged with the day they fall on; "the next day" counts from the last date mentioned
  ['The minister arrived at 3 p.m. and left before noon the next day.', '2022-09-01', '3 p.m.', 24, 30, 'TIME', '2022-09-01T15:00'],
  ['The minister arrived at 3 p.m. and left before noon the next day.', '2022-09-01', 'noon the next day', 47, 64, 'TIME', '2022-09-02T12:00'],
  ['The index closed at 2082.1 on Friday, down 4.5% from the previous Friday.', '1989-10-30', 'the previous Friday', 53, 72, 'DATE', '1989-10-20'],
  ['The attack happened on Tuesday, and the next day the army withdrew.', '2022-09-01', 'the next day', 36, 48, 'DATE', '2022-08-31'],
  ['The store was robbed at 10 p.m. Wednesday, police said.', '1998-02-13', '10 p.m. Wednesday', 24, 41, 'TIME', '1998-02-11T22:00'],
  // sets
  ['Inspectors visit the site every week and file reports annually.', '2022-09-01', 'every week', 26, 36, 'SET', 'P1W'],
  ['Inspectors visit the site every week and file reports annually.', '2022-09-01', 'annually', 54, 62, 'SET', 'P1Y'],
  // decades, centuries, seasons, fiscal years, refs
  ['The movement grew out of protests in the 1990s and peaked in the 20th century.', '2022-09-01', 'the 1990s', 37, 46, 'DATE', '199'],
  ['The movement grew out of protests in the 1990s and peaked in the 20th century.', '2022-09-01', 'the 20th century', 61, 77, 'DATE', '19'],
  ['The sanctions were imposed two years ago, in the summer of 2020.', '2022-09-01', 'two years ago', 27, 40, 'DATE', '2020'],
  ['The sanctions were imposed two years ago, in the summer of 2020.', '2022-09-01', 'the summer of 2020', 45, 63, 'DATE', '2020-SU'],
  ['Fiscal 2023 revenue is expected to be flat, the company said last Friday.', '2022-09-01', 'last Friday', 61, 72, 'DATE', '2022-08-26'],
  ['He is currently serving a second term and will step down next month.', '2022-09-01', 'currently', 6, 15, 'DATE', 'PRESENT_REF'],
  ['He is currently serving a second term and will step down next month.', '2022-09-01', 'next month', 57, 67, 'DATE', '2022-10'],
  ['Protesters gathered in the capital over the weekend, police said.', '1990-08-13', 'the weekend', 40, 51, 'DATE', '1990-W32-WE'],
  ['Elian was found clinging to an inner tube on Thanksgiving Day.', '2000-01-07', 'Thanksgiving Day', 45, 61, 'DATE', '1999-11-25'],
  ['Keating was convicted in nineteen ninety-one.', '1998-03-05', 'nineteen ninety-one', 25, 44, 'DATE', '1991'],
  // a month with "last/this/next year" is one timex with the month's value (TBAQ APW19980219.0476)
  ['But in June last year, the remaining leadership had a falling out, and Pol Pot was arrested.', '1998-02-19', 'June last year', 7, 21, 'DATE', '1997-06'],
  ['In January this year, British police officers who were investigating the case arrived.', '1998-02-19', 'January this year', 3, 20, 'DATE', '1998-01'],
  // "May" after a sentence-initial preposition, or with a year, is a date (TBAQ APW19980418.0210, APW19991024.0075)
  ['On May 22, 1995, Farkas was made a brigadier general.', '1998-04-18', 'May 22, 1995', 3, 15, 'DATE', '1995-05-22'],
  ['On May 6, James Kopp, 44, was charged with the murder.', '1999-10-24', 'May 6', 3, 8, 'DATE', '1999-05-06'],
  // "effective <date>" looks ahead (TBAQ wsj_0927)
  ['U.S. Trust also created a four-member office of the chairman, effective Feb. 1.', '1989-10-26', 'Feb. 1', 72, 78, 'DATE', '1990-02-01'],
  // a weekday fixed by "scheduled"/"postponed" lies ahead, whatever the verb's tense (TBAQ NYT19990505.0443, NYT20000330.0406)
  ['The U.S. attorney in Buffalo has scheduled a news conference Thursday to announce a major development.', '1999-05-05', 'Thursday', 61, 69, 'DATE', '1999-05-06'],
  ['U.S. Immigration officials postponed until Tuesday morning any action on revoking the parole.', '2000-03-30', 'Tuesday morning', 43, 58, 'DATE', '2000-04-04'],
  // "would" looks ahead; a possessive weekday names a past event (TBAQ APW20000405.0276, APW20000115.0209)
  ['Officials said in Washington that the father would be traveling to the United States Thursday with his wife.', '2000-04-05', 'Thursday', 85, 93, 'DATE', '2000-04-06'],
  ["The boy's relatives in Miami said they would look for ways to get around Wednesday's ruling by the U.S. Immigration and Naturalization Service.", '2000-01-07', 'Wednesday', 73, 82, 'DATE', '2000-01-05'],
  // "recent/coming + plural unit" is a vague duration (TBAQ wsj_0176, NYT19980402.0453)
  ['Property/casualty insurance has been a tough business in recent quarters, as pricing has been cutthroat.', '1989-11-02', 'recent quarters', 57, 72, 'DURATION', 'PXM'],
  ['Federal law-enforcement officials have expressed concerns in recent months about a possible pattern of attacks.', '1998-04-02', 'recent months', 61, 74, 'DURATION', 'PXM'],
  // a quarter-end date leaves the quarter as the reference for "the corresponding period last year" (TBAQ wsj_0344)
  ['Price Stern Sloan Inc. reported a net loss of $8.1 million for the third quarter ended Sept. 30. These results compare with net income of $1.8 million for the corresponding period last year.', '1989-11-01', 'the corresponding period last year', 155, 189, 'DATE', '1988-Q3'],
  // "since" looks back, as in HeidelTime (TBAQ APW19990506.0155)
  ['Authorities have been searching for Kopp since shortly after the Oct. 23 slaying.', '1999-05-06', 'Oct. 23', 65, 72, 'DATE', '1998-10-23'],
  // "<unit>-long" is a duration; US Election Day is the Tuesday after the first Monday of November (TBAQ APW20000115.0031, NYT20000403.0463, NYT19981026.0446)
  ["Elian became a boy hero symbolizing the government's decades-long ideological battle with Cuban exiles.", '2000-01-15', 'decades-long', 53, 65, 'DURATION', 'PXY'],
  ["Lawyers for Elian's Miami family emerged from their third day-long meeting with federal officials.", '2000-04-03', 'day-long', 58, 66, 'DURATION', 'P1D'],
  ["Abortion violence is going to be a major theme of our campaign from now to Election Day.", '1998-10-26', 'Election Day', 75, 87, 'DATE', '1998-11-03'],
  // a month or season joined with a spelled-out year (TBAQ CNN19980223.1130.0960, CNN19980227.2130.0067)
  ["Prices are back to that thirteen dollar a barrel level we saw in the winter of nineteen ninety-four.", '1998-02-23', 'the winter of nineteen ninety-four', 65, 99, 'DATE', '1994-WI'],
  ["A bomb shocks the Olympic games. One person is killed. January nineteen ninety-seven. A bomb goes off at an abortion clinic.", '1998-02-27', 'January nineteen ninety-seven', 55, 84, 'DATE', '1997-01'],
  // a hyphenated duration adjective leaves "the" to its noun (TBAQ AP900815-0044)
  ["Iraq offered talks following the August 1988 cease-fire of the eight-year war with Iran.", '1990-08-15', 'eight-year', 63, 73, 'DURATION', 'P8Y'],
  // "the end of this week" is one timex (TBAQ wsj_0073)
  ["The company will begin mailing materials to shareholders at the end of this week.", '1989-11-02', 'the end of this week', 60, 80, 'DATE', '1989-W44'],
  // no publication date: X placeholders, nothing implied
  ['The vote is scheduled for August, the committee said.', null, 'August', 26, 32, 'DATE', 'XXXX-08'],
  ['Officials said yesterday that the bridge would reopen this week.', null, 'this week', 54, 63, 'DATE', 'XXXX-WXX'],
]

describe('timeStage', () => {
  it.each(CASES)('%s (published %s) → %s', (text, published, surface, start, end, type, value) => {
    const hit = timesOf(text, published).find((t) => t.start === start)
    expect(hit, `no time at ${start} in: ${text}`).toBeDefined()
    expect({
      surface: hit?.surface,
      start: hit?.start,
      end: hit?.end,
      type: hit?.type,
      value: hit?.value,
    }).toEqual({
      surface,
      start,
      end,
      type,
      value,
    })
  })

  it('separates known from implied fields (issue 2)', () => {
    const text = 'The territory was hit earlier in August, and attacks have grown since early 2022.'
    const [august, early] = timesOf(text, '2022-09-01')
    expect(august).toMatchObject({ surface: 'August', known: { month: 8 }, implied: { year: 2022 } })
    expect(early).toMatchObject({ surface: 'early 2022', known: { year: 2022, part: 'early' }, implied: {} })
  })

  it('implies nothing and keeps X placeholders when the publication date is unknown', () => {
    const times = timesOf('Yesterday the army said it would withdraw in August.', null)
    expect(times.map((t) => [t.surface, t.value])).toEqual([
      ['Yesterday', 'XXXX-XX-XX'],
      ['August', 'XXXX-08'],
    ])
    for (const t of times) expect(t.implied).toEqual({})
  })

  it('numbers ids t1…tN in text order without overlaps', () => {
    const text =
      'On Tuesday, Aug. 7, 1998, at 10:35 a.m., bombs exploded; a week later the FBI said the attack was planned for months.'
    const times = timesOf(text, '1998-08-14')
    expect(times.map((t) => t.id)).toEqual(times.map((_, i) => `t${i + 1}`))
    for (let i = 1; i < times.length; i++)
      expect((times[i - 1]?.end ?? 0) <= (times[i]?.start ?? 0)).toBe(true)
  })

  it('records the rule and the anchor in provenance', () => {
    const [t] = timesOf('Officials said yesterday that the bridge would reopen.', '2022-09-01')
    expect(t?.prov).toEqual({ stage: 'time', rule: 'relative:day-word@published' })
  })

  // Known weakness: tense cues are a word-list heuristic and a 90-day window (tuned on TBAQ) lets a month
  // that is less than three months ahead stay in the current year even in a past-tense sentence.
  it.fails('puts "collapsed in March" of January news in the previous year', () => {
    const [t] = timesOf('The ceasefire collapsed in March, officials said.', '2022-01-10')
    expect(t?.value).toBe('2021-03')
  })
})
