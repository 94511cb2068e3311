import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { attributionStage } from '../nlp/attribution/stage.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { defineStage } from '../pipeline/stage.js'
import { evalAttribution, formatAttributionEval } from './eval-attribution.js'

/** No NER: the eval must score spans, which do not depend on speakers. */
const noEntities = defineStage({
  name: 'entities',
  version: 0,
  requires: ['tokens'],
  provides: ['mentions', 'entities'],
  options: z.object({}),
  run: () => ({ mentions: [], entities: [] }),
})

const text =
  'Salami said that the regime is collapsing. The weather was fine. Officials warned that prices would rise.'
const span = (part: string): [number, number] => [text.indexOf(part), text.indexOf(part) + part.length]

// Fixture files live under one folder, removed when the file's tests end.
const scratch = mkdtempSync(join(tmpdir(), 'eval-attribution-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function fixture(attributions: unknown[]): string {
  const dir = mkdtempSync(join(scratch, 'fixture-'))
  const file = join(dir, 'gold.jsonl')
  writeFileSync(file, `${JSON.stringify({ id: 'doc1', text, attributions })}\n`)
  return file
}

describe('evalAttribution', () => {
  it('scores exact spans and content matches against gold', () => {
    const dataFile = fixture([
      { content: span('that the regime is collapsing'), cue: span('said'), source: span('Salami') },
      // a gold attribution the rules cannot find: recall below 1
      { content: span('The weather was fine'), cue: span('was'), source: null },
      // same cue and source, content boundary differs by "that": content-match yes, exact content no
      { content: span('prices would rise'), cue: span('warned'), source: span('Officials') },
    ])
    const result = evalAttribution({ dataFile, stages: [tokensStage, noEntities, attributionStage] })
    expect(result.docs).toBe(1)
    expect(result.contentMatch).toMatchObject({ tp: 2, predicted: 2, gold: 3 })
    expect(result.exact.cue).toMatchObject({ tp: 2, predicted: 2, gold: 3 })
    expect(result.exact.source).toMatchObject({ tp: 2, predicted: 2, gold: 2 })
    expect(result.exact.content).toMatchObject({ tp: 1, predicted: 2, gold: 3 })
    expect(result.failures.map((f) => f.kind).sort()).toEqual(['boundary', 'missed'])
    expect(formatAttributionEval(result)).toContain('content match')
  })
})
