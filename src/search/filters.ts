/**
 * Checks the filters a user typed (CLI flags, HTTP query parameters) before they reach a store:
 * dates as YYYY-MM-DD, a known mode, a known output format. The message says which value is wrong.
 */
import { ATTRIBUTION_MODES, type AttributionMode } from '../model/attribution-modes.js'
import type { Filters } from '../store/types.js'
import type { ListFormat } from './export.js'

export class FilterError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FilterError'
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

export interface RawFilters {
  speaker?: string
  entity?: string
  outlet?: string
  from?: string
  to?: string
  mode?: string
}

function checkDate(flag: string, value: string | undefined): void {
  if (value === undefined) return
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new FilterError(`--${flag} must be a date as YYYY-MM-DD, got "${value}"`)
  }
}

/**
 * Validated filters, with only the given ones set.
 *
 * @example parseFilters({ from: '2022-09-01', mode: 'direct' }) // { from: '2022-09-01', mode: 'direct' }
 */
export function parseFilters(raw: RawFilters): Filters {
  checkDate('from', raw.from)
  checkDate('to', raw.to)
  if (raw.from && raw.to && raw.from > raw.to)
    throw new FilterError(`--from ${raw.from} is after --to ${raw.to}`)
  if (raw.mode !== undefined && !(ATTRIBUTION_MODES as readonly string[]).includes(raw.mode)) {
    throw new FilterError(`--mode must be one of ${ATTRIBUTION_MODES.join(', ')}, got "${raw.mode}"`)
  }
  const filters: Filters = {}
  if (raw.speaker !== undefined) filters.speaker = raw.speaker
  if (raw.entity !== undefined) filters.entity = raw.entity
  if (raw.outlet !== undefined) filters.outlet = raw.outlet
  if (raw.from !== undefined) filters.from = raw.from
  if (raw.to !== undefined) filters.to = raw.to
  if (raw.mode !== undefined) filters.mode = raw.mode as AttributionMode
  return filters
}

/**
 * A checked output format: a list format, or `json` (one document with totals and facets).
 *
 * @example parseFormat('csv') // 'csv'
 */
export function parseFormat(value: string): ListFormat | 'json' {
  if (value === 'table' || value === 'csv' || value === 'jsonl' || value === 'json') return value
  throw new FilterError(`--format must be table, json, csv or jsonl, got "${value}"`)
}

/** A checked positive integer flag (limits, offsets, thread counts). */
export function parseCount(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min)
    throw new FilterError(`--${flag} must be a whole number ≥ ${min}, got "${value}"`)
  return n
}

/**
 * A checked score flag between 0 and 1 (a minimum check-worthiness).
 *
 * @example parseFraction('min', '0.7') // 0.7
 */
export function parseFraction(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new FilterError(`--${flag} must be a number from 0 to 1, got "${value}"`)
  return n
}
