/**
 * Years, decades and centuries: "2022", "since early 2022", "fiscal 1989", "the 1990s", "the '80s",
 * "the mid-1990s", "the 20th century". Four digits followed by a plural noun ("2000 shoes") are counts,
 * HeidelTime's negative rule, unless a temporal word precedes them ("in 2019 elections").
 */
import { ordinalNumber, partOf } from '../lexicon.js'
import type { Finder } from '../types.js'
import { candidate, fields, TEMPORAL_LEAD, wordAfter, wordBefore } from './helpers.js'

const PART =
  '[Ee]arly|[Mm]id-|[Ll]ate|(?:[Tt]he\\s+)?(?:end|beginning|start|middle)\\s+of|[Mm]id|[Tt]he\\s+(?:early|late|mid-?)'
const YEAR = new RegExp(
  `(?<![\\w$£€#.,/:-])(?:(${PART})\\s*)?(?:([Ff]iscal(?:\\s+[Yy]ear)?|FY)\\s*)?([12]\\d{3})(?![\\w%]|[.,:/]\\d|-\\d)`,
  'g',
)
const DECADE = new RegExp(`(?:\\b[Tt]he\\s+)?(?:\\b(${PART})\\s*)?(?:\\b([12]\\d{2})0'?s|'(\\d)0s)\\b`, 'g')
const DECADE_WORDS =
  /\b[Tt]he\s+(?:(early|mid-?|late)\s*)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/g
const CENTURY =
  /\b(?:[Tt]he\s+)?(?:(early|mid-?|late)\s*)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ][Cc]entury\b/g
const PLURAL_NOUN = /^[a-z]+s$/
const NON_YEAR_FOLLOWER = new Set([
  'people',
  'men',
  'women',
  'children',
  'troops',
  'km',
  'miles',
  'feet',
  'meters',
  'metres',
])
const DECADE_WORD_VALUE: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
}

export const yearFinder: Finder = {
  name: 'years:year',
  regex: YEAR,
  build(m) {
    const year = Number(m[3])
    const part = m[1]
    const fiscal = m[2]
    if (year < 1000 || year > 2199) return null
    if (part === undefined && fiscal === undefined) {
      const after = wordAfter(m.input, m.index + m[0].length)
      const before = wordBefore(m.input, m.index).toLowerCase()
      const counted = PLURAL_NOUN.test(after) || NON_YEAR_FOLLOWER.has(after)
      if (counted && !TEMPORAL_LEAD.has(before)) return null
      // Bare numbers out of the modern range are usually counts ("1500 soldiers", "1200 meters").
      if ((year < 1800 || year > 2100) && !TEMPORAL_LEAD.has(before)) return null
    }
    const spec = {
      kind: 'absolute' as const,
      fields: fields({ year, part: part === undefined ? undefined : partOf(part) }),
    }
    return candidate(m, 'DATE', spec, fiscal === undefined ? 'years:year' : 'years:fiscal')
  },
}

export const decadeFinder: Finder = {
  name: 'years:decade',
  regex: DECADE,
  build(m) {
    const short = Number(m[3])
    // "the '90s" is 1990s; "the '00s" and "the '10s" are this century's.
    const decade = m[2] !== undefined ? Number(m[2]) * 10 : (short <= 1 ? 2000 : 1900) + short * 10
    const part = m[1]
    const spec = {
      kind: 'absolute' as const,
      fields: fields({ decade, part: part === undefined ? undefined : partOf(part) }),
    }
    return candidate(m, 'DATE', spec, 'years:decade')
  },
}

export const decadeWordFinder: Finder = {
  name: 'years:decade-word',
  regex: DECADE_WORDS,
  build(m) {
    const decade = 1900 + (DECADE_WORD_VALUE[(m[2] as string).toLowerCase()] ?? 0) * 10
    const part = m[1]
    const spec = {
      kind: 'absolute' as const,
      fields: fields({ decade, part: part === undefined ? undefined : partOf(part) }),
    }
    return candidate(m, 'DATE', spec, 'years:decade-word')
  },
}

export const centuryFinder: Finder = {
  name: 'years:century',
  regex: CENTURY,
  build(m) {
    const century = ordinalNumber((m[2] as string).replace(' ', '-'))
    if (century < 1 || century > 22) return null
    const part = m[1]
    const spec = {
      kind: 'absolute' as const,
      fields: fields({ century, part: part === undefined ? undefined : partOf(part) }),
    }
    return candidate(m, 'DATE', spec, 'years:century')
  },
}

const SPELLED_ONES = 'one|two|three|four|five|six|seven|eight|nine'
const SPELLED_TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const SPELLED_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'
/** Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand". */
const SPELLED_YEAR = new RegExp(
  `\\b(?:the\\s+year\\s+)?(?:(nineteen|eighteen|twenty)[\\s-](?:(${SPELLED_TENS})(?:[\\s-](${SPELLED_ONES}))?|(${SPELLED_TEENS})|(?:oh|o)[\\s-](${SPELLED_ONES}))|two\\s+thousand(?:\\s+(?:and\\s+)?(${SPELLED_ONES}|${SPELLED_TEENS}))?)(?![\\w-])`,
  'gi',
)
const SPELLED_VALUE = new Map<string, number>([
  ...SPELLED_ONES.split('|').map((w, i): [string, number] => [w, i + 1]),
  ...SPELLED_TEENS.split('|').map((w, i): [string, number] => [w, i + 10]),
  ...SPELLED_TENS.split('|').map((w, i): [string, number] => [w, (i + 2) * 10]),
])

export const spelledYearFinder: Finder = {
  name: 'years:spelled',
  regex: SPELLED_YEAR,
  build(m) {
    const word = (k: number): number => SPELLED_VALUE.get((m[k] ?? '').toLowerCase()) ?? 0
    let year: number
    if (m[1] === undefined) {
      year = 2000 + word(6)
    } else {
      const century = word(1)
      const rest = m[2] !== undefined ? word(2) + word(3) : m[4] !== undefined ? word(4) : word(5)
      year = century * 100 + rest
    }
    // "twenty-five" alone is a number; a spelled year needs its century word and a two-digit rest.
    if (m[1] !== undefined && m[1].toLowerCase() === 'twenty' && m[2] !== undefined && m[3] === undefined)
      return null
    return candidate(m, 'DATE', { kind: 'absolute', fields: { year } }, 'years:spelled')
  },
}
