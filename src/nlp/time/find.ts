/**
 * Runs the finders over a text in one pass. A character loop reads the text once, finds trigger words
 * and digit shapes (finders/triggers.ts), and tries each triggered finder's sticky regex only at word
 * starts just before the trigger. This gives the same candidates as running every regex over the whole
 * text (`findCandidatesFull`, kept as the reference for tests) at a fraction of the cost. No string is
 * allocated per word: trigger words are looked up by a rolling hash and compared char by char.
 */
import { FINDERS } from './finders/index.js'
import { TRIGGERS } from './finders/triggers.js'
import type { Candidate, Finder } from './types.js'

export type RankedCandidate = Candidate & { rank: number }

interface Compiled {
  finder: Finder
  sticky: RegExp
  lookback: number
}

const COMPILED: readonly Compiled[] = FINDERS.map((finder) => {
  const trigger = TRIGGERS[finder.name]
  if (trigger === undefined)
    throw new Error(`time finder "${finder.name}" has no entry in finders/triggers.ts`)
  const flags = finder.regex.flags.replace('g', '') + 'y'
  return { finder, sticky: new RegExp(finder.regex.source, flags), lookback: trigger.lookback }
})

interface WordEntry {
  word: string
  finders: number[]
}

function hashWord(word: string): number {
  let h = 0
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0
  return h
}

/** Trigger word hash → entries (word and the finders it triggers); digit shapes by name. */
const WORDS = new Map<number, WordEntry[]>()
const SHAPES = new Map<string, number[]>()
FINDERS.forEach((finder, index) => {
  for (const word of TRIGGERS[finder.name]?.words ?? []) {
    if (word.startsWith('#')) {
      const list = SHAPES.get(word) ?? []
      list.push(index)
      SHAPES.set(word, list)
      continue
    }
    const h = hashWord(word)
    const bucket = WORDS.get(h) ?? []
    let entry = bucket.find((e) => e.word === word)
    if (entry === undefined) {
      entry = { word, finders: [] }
      bucket.push(entry)
      WORDS.set(h, bucket)
    }
    if (!entry.finders.includes(index)) entry.finders.push(index)
  }
})
const NO_FINDERS: number[] = []
const YEAR_FINDERS = SHAPES.get('#year') ?? NO_FINDERS
const CLOCK_FINDERS = SHAPES.get('#clock') ?? NO_FINDERS
const SLASH_FINDERS = SHAPES.get('#slash') ?? NO_FINDERS
const DECADE_FINDERS = SHAPES.get('#decade') ?? NO_FINDERS
const QH_FINDERS = SHAPES.get('#qh') ?? NO_FINDERS

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code
}
function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
function isAlnum(code: number): boolean {
  return isLetter(code) || isDigit(code) || code > 127
}

function matchesWord(text: string, start: number, length: number, word: string): boolean {
  if (word.length !== length) return false
  for (let i = 0; i < length; i++)
    if (lowerAscii(text.charCodeAt(start + i)) !== word.charCodeAt(i)) return false
  return true
}

/** Trigger positions per finder, in text order. */
function scanTriggers(text: string): number[][] {
  const hits: number[][] = FINDERS.map(() => [])
  const add = (finders: readonly number[], at: number): void => {
    for (const f of finders) (hits[f] as number[]).push(at)
  }
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isLetter(c)) {
      const start = i
      let h = 0
      while (i < n) {
        const d = text.charCodeAt(i)
        if (!isLetter(d)) break
        h = (Math.imul(h, 31) + lowerAscii(d)) | 0
        i++
      }
      const length = i - start
      if (length === 1 && isDigit(text.charCodeAt(i))) {
        const l = lowerAscii(c)
        if (l === 113 || l === 104) add(QH_FINDERS, start) // "Q3", "H1"
      }
      const bucket = WORDS.get(h)
      if (bucket !== undefined) {
        for (const entry of bucket)
          if (matchesWord(text, start, length, entry.word)) add(entry.finders, start)
      }
    } else if (isDigit(c)) {
      const start = i
      let value = 0
      while (i < n && isDigit(text.charCodeAt(i))) {
        value = value * 10 + text.charCodeAt(i) - 48
        i++
      }
      const length = i - start
      const next = text.charCodeAt(i)
      if (length === 4 && value >= 1000 && value <= 2199) add(YEAR_FINDERS, start)
      if (next === 47) add(SLASH_FINDERS, start) // "/"
      if ((next === 58 || next === 46) && isDigit(text.charCodeAt(i + 1))) add(CLOCK_FINDERS, start) // ":" or "."
      const afterSpace = next === 32 ? lowerAscii(text.charCodeAt(i + 1)) : lowerAscii(next)
      if (length <= 2 && (afterSpace === 97 || afterSpace === 112)) add(CLOCK_FINDERS, start) // "3 p.m.", "10am"
      if (value % 10 === 0 && (lowerAscii(next) === 115 || next === 39 || next === 8217))
        add(DECADE_FINDERS, start)
    } else {
      i++
    }
  }
  return hits
}

/** Word starts: letters, digits or quotes not preceded by a letter or digit ("'90s" starts at the quote). */
function isWordStart(text: string, s: number): boolean {
  const c = text.charCodeAt(s)
  if (!(isAlnum(c) || c === 39 || c === 8217 || c === 36)) return false
  return s === 0 || !isAlnum(text.charCodeAt(s - 1))
}

/**
 * All candidates of all finders, in finder order, each tagged with the finder's rank.
 *
 * @example findCandidates('It rained yesterday.').map((c) => c.rule) // ['relative:day-word']
 */
export function findCandidates(text: string): RankedCandidate[] {
  const hits = scanTriggers(text)
  const out: RankedCandidate[] = []
  for (let rank = 0; rank < COMPILED.length; rank++) {
    const positions = hits[rank] as number[]
    if (positions.length === 0) continue
    const { finder, sticky, lookback } = COMPILED[rank] as Compiled
    let from = 0
    for (const p of positions) {
      if (p < from) continue
      for (let s = Math.max(from, p - lookback); s <= p; s++) {
        if (!isWordStart(text, s)) continue
        sticky.lastIndex = s
        const m = sticky.exec(text)
        if (m === null || m[0].length === 0) continue
        const c = finder.build(m, text)
        if (c !== null && c.end > c.start) out.push({ ...c, rank })
        from = s + m[0].length
        break
      }
    }
  }
  return out
}

/**
 * The reference implementation: every finder's regex over the whole text. Slower; used by tests to
 * check that the trigger table misses nothing.
 *
 * @example findCandidatesFull('It rained yesterday.').length // 1
 */
export function findCandidatesFull(text: string): RankedCandidate[] {
  const out: RankedCandidate[] = []
  for (let rank = 0; rank < FINDERS.length; rank++) {
    const finder = FINDERS[rank] as Finder
    const regex = finder.regex
    regex.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = regex.exec(text)) !== null) {
      if (m[0].length === 0) {
        regex.lastIndex++
        continue
      }
      const c = finder.build(m, text)
      if (c !== null && c.end > c.start) out.push({ ...c, rank })
    }
  }
  return out
}
