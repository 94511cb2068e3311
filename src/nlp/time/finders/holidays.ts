/**
 * Named days: "Christmas", "New Year's Day", "Thanksgiving", "Independence Day", "Halloween"… with fixed
 * or computed dates (Thanksgiving: the fourth Thursday of November). Moving religious feasts other than
 * these (Easter, Ramadan, Eid) are left out: their dates need tables we do not ship.
 */
import type { Finder, Spec } from '../types.js'
import { candidate, fields } from './helpers.js'

const HOLIDAY =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?(Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Veterans\s+Day|Memorial\s+Day|Labor\s+Day|Election\s+Day)(?:,?\s+(\d{4})(?![\d%]))?(?![\w-])/g
const FIXED: Record<string, [number, number]> = {
  christmas: [12, 25],
  'christmas day': [12, 25],
  'christmas eve': [12, 24],
  "new year's": [1, 1],
  "new year's day": [1, 1],
  "new year's eve": [12, 31],
  'independence day': [7, 4],
  halloween: [10, 31],
  "valentine's day": [2, 14],
  'boxing day': [12, 26],
  'veterans day': [11, 11],
}
/** Nth weekday holidays: [month, weekday, n, days after] with n = -1 for "the last". */
const NTH: Record<string, [number, number, number, number]> = {
  thanksgiving: [11, 4, 4, 0],
  'thanksgiving day': [11, 4, 4, 0],
  'memorial day': [5, 1, -1, 0],
  'labor day': [9, 1, 1, 0],
  // US federal elections: the Tuesday after the first Monday of November.
  'election day': [11, 1, 1, 1],
}
const SPACES = /\s+/g

export const holidayFinder: Finder = {
  name: 'holidays',
  regex: HOLIDAY,
  build(m) {
    const name = (m[2] as string).toLowerCase().replace(SPACES, ' ').replace('’', "'")
    const lead = m[1]?.toLowerCase()
    const year = m[3] === undefined ? undefined : Number(m[3])
    const direction =
      lead === 'last' ? 'past' : lead === 'next' ? 'future' : lead === 'this' ? 'same' : undefined
    const fixed = FIXED[name]
    const nth = NTH[name]
    if (fixed === undefined && nth === undefined) return null
    const spec: Spec = {
      kind: 'absolute',
      fields: fields({ year, month: fixed?.[0] ?? nth?.[0], day: fixed?.[1] }),
      ...(direction === undefined ? {} : { direction }),
      ...(nth === undefined ? {} : { nth: { weekday: nth[1], n: nth[2], after: nth[3] } }),
    }
    return candidate(m, 'DATE', spec, 'holidays')
  },
}
