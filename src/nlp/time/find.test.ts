import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FINDERS } from './finders/index.js'
import { TRIGGERS } from './finders/triggers.js'
import { findCandidates, findCandidatesFull } from './find.js'

const CORPUS = join(import.meta.dirname, '../../../test/corpus')
const corpusTexts = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, 'source.txt')))
  .map((entry) => readFileSync(join(CORPUS, entry.name, 'source.txt'), 'utf8'))

const SENTENCES = [
  'On Tuesday, Aug. 7, 1998, at 10:35 a.m. EST, bombs exploded near the embassies; the FBI said a week or so ago that the attack was planned for months.',
  'Sales in the fiscal first quarter of 1990 and the year-ago third quarter rose, the company said in the late 1980s and the early 2000s.',
  'In nineteen ninety-six, the approach of the year two thousand worried the board, which meets every other Thursday and twice a year.',
  'The deadline is 5 p.m. EST, Nov. 6, and the talks begin the day after tomorrow or early next week, not in the near future.',
  "Q3 2022 results, FY2023 guidance and the '90s: 8/7/98, 2022-08-07, 14:30 GMT and noon Thursday.",
]

describe('findCandidates', () => {
  it('has a trigger entry for every finder', () => {
    for (const f of FINDERS) expect(TRIGGERS[f.name], f.name).toBeDefined()
  })

  it.each([...corpusTexts, ...SENTENCES])('finds what a full regex scan finds: %s', (text) => {
    const key = (c: { rank: number; start: number; end: number; rule: string }): string =>
      `${c.rank}:${c.start}:${c.end}:${c.rule}`
    expect(findCandidates(text).map(key).sort()).toEqual(findCandidatesFull(text).map(key).sort())
  })
})
