import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkworthiness, loadClaimsModel } from '../nlp/claims/model-file.js'
import { isDev } from './checkworthy-data.js'
import { bestThreshold, classification, ranking } from './eval-claims.js'
import { trainClaims } from './train-claims.js'

// Sentences in the style of the debates ClaimBuster labels: figures and records are check-worthy (1),
// greetings, feelings and promises are not (0).
const FACTS = [
  'We have lost 70,000 factories since China entered the World Trade Organization.',
  'Unemployment fell to 4.1 percent last year.',
  'The deficit was 1.4 trillion dollars in 2009.',
  'Crime went up 20 percent in the city over five years.',
  'He voted against the bill 14 times in the Senate.',
  'Health premiums have doubled since 2008.',
  'Ninety percent of the jobs created went to women.',
  'The state cut 3 billion dollars from schools in 2011.',
]
const OTHER = [
  'Good evening and thank you for being here.',
  'I think we need to come together as a country.',
  'Thank you very much, Senator.',
  'I love this country and its people.',
  'We are going to make it great again.',
  'Let me answer that question.',
  'I believe in the American dream.',
  'That is a very good question.',
]

// Data and model folders live under one folder, removed when the file's tests end.
const scratch = mkdtempSync(join(tmpdir(), 'train-claims-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function fixtureDir(): string {
  const dir = mkdtempSync(join(scratch, 'data-'))
  mkdirSync(join(dir, 'checkworthy'))
  const lines = (prefix: string, doc?: string): string =>
    [...FACTS.map((t) => [t, 1] as const), ...OTHER.map((t) => [t, 0] as const)]
      .map(([text, label], i) =>
        JSON.stringify({ id: `${prefix}-${i}`, text, label, ...(doc ? { doc } : {}) }),
      )
      .join('\n')
  writeFileSync(join(dir, 'checkworthy', 'claimbuster-train.jsonl'), `${lines('cb')}\n`)
  writeFileSync(join(dir, 'checkworthy', 'clef2019-debates-train.jsonl'), `${lines('c19', 'debate-a')}\n`)
  writeFileSync(join(dir, 'checkworthy', 'clef2020-debates-train.jsonl'), `${lines('c20', 'debate-b')}\n`)
  writeFileSync(join(dir, 'checkworthy', 'clef2020-tweets-train-dev.jsonl'), `${lines('tw')}\n`)
  return dir
}

describe('trainClaims', () => {
  it('writes the same bytes on a rerun, and the model ranks unseen figures above unseen small talk', async () => {
    const data = fixtureDir()
    const out1 = mkdtempSync(join(scratch, 'model-'))
    const out2 = mkdtempSync(join(scratch, 'model-'))
    await trainClaims({ dataDir: data, outDir: out1, log: () => {} })
    await trainClaims({ dataDir: data, outDir: out2, log: () => {} })
    for (const file of ['model.bin', 'model.json', 'PROVENANCE.json'])
      expect(readFileSync(join(out1, file))).toEqual(readFileSync(join(out2, file)))
    const model = loadClaimsModel(out1)
    expect(checkworthiness(model, 'Prices rose 12 percent in 2010.')).toBeGreaterThan(
      checkworthiness(model, 'Thank you, and good evening.'),
    )
  })
})

describe('check-worthiness metrics', () => {
  const record = (id: string, label: 0 | 1, doc: string | null = null) => ({
    id,
    text: id,
    label,
    set: 'clef2019' as const,
    doc,
  })
  const scored = [
    { record: record('a', 1, 'd1'), score: 0.9 },
    { record: record('b', 0, 'd1'), score: 0.8 },
    { record: record('c', 1, 'd1'), score: 0.3 },
    { record: record('d', 0, 'd2'), score: 0.7 },
  ]

  it('counts precision and recall of the check-worthy class at a threshold', () => {
    expect(classification(scored, 0.5)).toMatchObject({
      precision: 1 / 3,
      recall: 1 / 2,
      positives: 2,
      total: 4,
    })
    expect(bestThreshold(scored).f1).toBeGreaterThanOrEqual(classification(scored, 0.5).f1)
  })

  it('averages precision per debate, skipping debates with no check-worthy sentence', () => {
    // d1 ranks a (1), b (0), c (1): AP = (1/1 + 2/3) / 2
    expect(ranking(scored)).toMatchObject({ map: (1 + 2 / 3) / 2, groups: 1 })
  })

  it('puts a whole debate on one side of the split', () => {
    const sides = new Set(['x1', 'x2', 'x3'].map((id) => isDev({ id, doc: 'one-debate' })))
    expect(sides.size).toBe(1)
  })
})
