/**
 * Joins a month or season and the spelled-out year after it into one DATE, as TimeML tags them:
 * "January nineteen ninety-seven" → `1997-01`, "the winter of nineteen ninety-four" → `1994-WI`
 * (digit years are part of the month and season patterns themselves; spelled ones are a finder of
 * their own, so the two arrive as neighbours).
 */
import type { Candidate } from '../types.js'

const JOIN = /^,?\s+(?:of\s+)?$/

function isYearless(c: Candidate): boolean {
  const s = c.spec
  if (s.kind !== 'absolute' || s.fields.year !== undefined || s.fields.day !== undefined) return false
  return s.fields.month !== undefined || s.fields.season !== undefined
}

function spelledYear(c: Candidate): number | undefined {
  return c.rule === 'years:spelled' && c.spec.kind === 'absolute' ? c.spec.fields.year : undefined
}

/**
 * Merges each yearless month or season with a spelled year right after it; input and output sorted.
 *
 * @example mergeSpelledYear([], '') // []
 */
export function mergeSpelledYear<C extends Candidate>(candidates: C[], text: string): C[] {
  const out: C[] = []
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i] as C
    const b = candidates[i + 1]
    const year = b === undefined ? undefined : spelledYear(b)
    if (
      b !== undefined &&
      year !== undefined &&
      a.spec.kind === 'absolute' &&
      isYearless(a) &&
      JOIN.test(text.slice(a.end, b.start))
    ) {
      const spec = { kind: 'absolute' as const, fields: { ...a.spec.fields, year } }
      out.push({ ...a, end: b.end, spec, rule: `${a.rule}+${b.rule}` })
      i++
      continue
    }
    out.push(a)
  }
  return out
}
