/**
 * Vague references TimeML writes as `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: "now", "currently",
 * "recently", "in the past", "in the near future", "the current crisis" ("recent years" is a vague
 * duration, found by durations:bare-plural).
 * In TBAQ these are tagged 60 of 85 times for "now", 13 of 21 for "current", 18 of 29 for "recent";
 * bare "soon" (5 of 18) and bare "future" are left out for precision.
 */
import type { Finder } from '../types.js'
import { candidate } from './helpers.js'

const REF = new RegExp(
  '\\b(?:(now|currently|nowadays|these\\s+days|at\\s+present|at\\s+the\\s+moment)' +
    '|(recently|lately|recent(?:\\s+times)?|the\\s+past)' +
    '|(the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+|immediate\\s+)?future|the\\s+(?:near|short|long)\\s+term)' +
    '|(current))(?![\\w-])',
  'gi',
)
/** "the past" as a noun phrase ("in the past"), not "the past three years" (a duration) or "the past week". */
const PAST_FOLLOWER =
  /^\s+(?:\d|few|several|many|couple|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|year|month|week|day|decade|century|quarter|spring|summer|fall|autumn|winter|hour|minute)/i
/** "current" alone must modify a noun ("current market conditions"). */
const NOUN_FOLLOWER = /^\s+[a-z]/i

export const refFinder: Finder = {
  name: 'refs',
  regex: REF,
  build(m) {
    const rest = m.input.slice(m.index + m[0].length, m.index + m[0].length + 16)
    const word = m[0].toLowerCase()
    if (m[1] !== undefined) {
      // "Now, he says, …": a discourse marker opening the sentence (TBAQ tags none of 4).
      if (m[0] === 'Now' && rest.startsWith(',')) return null
      return candidate(m, 'DATE', { kind: 'literal', value: 'PRESENT_REF', fields: {} }, 'refs:present')
    }
    if (m[2] !== undefined) {
      if (word.startsWith('the') && PAST_FOLLOWER.test(rest)) return null
      if (word === 'recent' && !NOUN_FOLLOWER.test(rest)) return null
      return candidate(m, 'DATE', { kind: 'literal', value: 'PAST_REF', fields: {} }, 'refs:past')
    }
    if (m[3] !== undefined) {
      return candidate(m, 'DATE', { kind: 'literal', value: 'FUTURE_REF', fields: {} }, 'refs:future')
    }
    if (!NOUN_FOLLOWER.test(rest)) return null
    return candidate(m, 'DATE', { kind: 'literal', value: 'PRESENT_REF', fields: {} }, 'refs:current')
  },
}
