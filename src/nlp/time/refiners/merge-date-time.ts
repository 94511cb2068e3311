/**
 * Joins a time of day and the day it falls on into one TIME, as TimeML does ("10 p.m. Wednesday",
 * "noon Thursday", "5 p.m. EST, Nov. 6", "Wednesday night" is already one match). Also joins a weekday
 * with the date that follows it ("Tuesday, Aug. 7"), keeping the date's fields.
 */
import type { Candidate, Spec } from '../types.js'

const JOIN = /^(?:,\s*|\s+)$/

function isClock(c: Candidate): boolean {
  return c.type === 'TIME' && c.spec.kind === 'absolute'
}

function isDay(c: Candidate): boolean {
  const s = c.spec
  if (s.kind === 'weekday') return s.fields.partOfDay === undefined
  if (s.kind === 'relative') return s.unit === 'day' && s.fields.partOfDay === undefined
  return s.kind === 'absolute' && s.fields.day !== undefined && s.fields.hour === undefined
}

/**
 * Merges adjacent pairs; input and output sorted by start, without overlaps.
 *
 * @example mergeDateTime([], '') // []
 */
export function mergeDateTime<C extends Candidate>(candidates: C[], text: string): C[] {
  const out: C[] = []
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i] as C
    const b = candidates[i + 1]
    if (b !== undefined && JOIN.test(text.slice(a.end, b.start))) {
      const merged = mergePair(a, b)
      if (merged !== null) {
        out.push(merged)
        i++
        continue
      }
    }
    out.push(a)
  }
  return out
}

function mergePair<C extends Candidate>(a: C, b: C): C | null {
  let spec: Spec | null = null
  let rule = ''
  if (isClock(a) && isDay(b) && a.spec.kind === 'absolute') {
    spec = { kind: 'dated', date: b.spec, time: a.spec.fields }
    rule = `${a.rule}+${b.rule}`
  } else if (isDay(a) && isClock(b) && b.spec.kind === 'absolute') {
    spec = { kind: 'dated', date: a.spec, time: b.spec.fields }
    rule = `${a.rule}+${b.rule}`
  } else if (a.spec.kind === 'weekday' && b.spec.kind === 'absolute' && b.spec.fields.day !== undefined) {
    const weekday = a.spec.weekday
    spec = { ...b.spec, fields: { ...b.spec.fields, weekday } }
    rule = b.rule
    return { ...b, start: a.start, spec, rule, type: b.type }
  }
  if (spec === null) return null
  return { ...a, start: a.start, end: b.end, type: 'TIME', spec, rule }
}
