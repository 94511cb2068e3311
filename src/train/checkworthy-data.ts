/**
 * The check-worthiness data in ../shared/data/checkworthy, read and split once for training and eval:
 * ClaimBuster (sentences from US presidential debates, 1 = check-worthy factual sentence), CLEF CheckThat!
 * 2019 and 2020 debates (1 = a sentence fact-checkers chose), and CLEF 2020 tweets.
 *
 * None comes with a dev split, so our dev part is a fixed fifth of each set: whole debates for CLEF (by
 * `doc`, so no debate is on both sides), single sentences by id for ClaimBuster and tweets. The sets reuse
 * the same debates, so any training sentence whose text also appears in the dev part is dropped.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { hashString } from '../nlp/learn/hash.js'

export interface CheckworthyRecord {
  id: string
  text: string
  label: 0 | 1
  /** Which set: claimbuster, clef2019, clef2020, tweets. */
  set: CheckworthySet
  /** The debate (CLEF) or null. */
  doc: string | null
}

export type CheckworthySet = 'claimbuster' | 'clef2019' | 'clef2020' | 'tweets'

const FILES: Record<CheckworthySet, string> = {
  claimbuster: 'claimbuster-train.jsonl',
  clef2019: 'clef2019-debates-train.jsonl',
  clef2020: 'clef2020-debates-train.jsonl',
  tweets: 'clef2020-tweets-train-dev.jsonl',
}

/** One in this many groups (debates or sentences) is dev. */
const DEV_EVERY = 5

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The dev/train side of a record: by debate where it has one, else by id. */
export function isDev(record: Pick<CheckworthyRecord, 'id' | 'doc'>): boolean {
  return hashString(record.doc ?? record.id) % DEV_EVERY === 0
}

/** The files the split reads, relative to the checkworthy folder (for provenance). */
export function checkworthyFiles(): string[] {
  return Object.values(FILES)
}

/**
 * Every record of the four sets in `folder` (../shared/data/checkworthy), split into train and dev.
 *
 * @example
 * const { train, dev } = loadCheckworthy('../shared/data/checkworthy')
 */
export function loadCheckworthy(folder: string): { train: CheckworthyRecord[]; dev: CheckworthyRecord[] } {
  const all: CheckworthyRecord[] = []
  for (const [set, file] of Object.entries(FILES) as [CheckworthySet, string][]) {
    const lines = readFileSync(path.join(folder, file), 'utf8').split('\n')
    for (const line of lines) {
      if (!line.trim()) continue
      const raw = JSON.parse(line) as { id: string; text: string; label: number; doc?: string }
      if (!raw.text?.trim()) continue
      all.push({ id: raw.id, text: raw.text, label: raw.label === 1 ? 1 : 0, set, doc: raw.doc ?? null })
    }
  }
  const dev = all.filter(isDev)
  const devTexts = new Set(dev.map((r) => normalised(r.text)))
  const train = all.filter((r) => !isDev(r) && !devTexts.has(normalised(r.text)))
  return { train, dev }
}
