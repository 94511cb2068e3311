import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evalCoref, formatCorefEval } from './eval-coref.js'

/** A GAP-format example built from a real news sentence, with offsets computed from the text. */
function example(id: string, text: string, pronoun: string, a: string, b: string, gold: 'A' | 'B' | 'N') {
  const span = (s: string, from = 0) => {
    const start = text.indexOf(s, from)
    return { start, end: start + s.length, text: s }
  }
  const p = span(pronoun, text.indexOf('.'))
  return {
    id,
    text,
    pronoun: p,
    A: { ...span(a), coref: gold === 'A' },
    B: { ...span(b), coref: gold === 'B' },
  }
}

describe('evalCoref (GAP procedure)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coref-eval-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'gap.jsonl')
  writeFileSync(
    file,
    [
      example(
        '1',
        'Elizabeth Warren met John Kerry on Monday. She said the talks were useful.',
        'She',
        'Elizabeth Warren',
        'John Kerry',
        'A',
      ),
      example(
        '2',
        'Elizabeth Warren met John Kerry on Monday. He said the talks were useful.',
        'He',
        'Elizabeth Warren',
        'John Kerry',
        'B',
      ),
      example(
        '3',
        'Elizabeth Warren met John Kerry on Monday. She said the talks were useful.',
        'She',
        'Elizabeth Warren',
        'John Kerry',
        'N',
      ),
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
  )

  it('counts two binary decisions per example and splits them by pronoun gender', () => {
    const r = evalCoref({ dataFile: file })
    expect(r.examples).toBe(3)
    expect(r.resolved).toBe(3)
    // 1: A right (TP); 2: B right (TP); 3: gold says neither, we say A (FP).
    expect(r.overall).toMatchObject({ tp: 2, fp: 1, fn: 0 })
    expect(r.feminine).toMatchObject({ tp: 1, fp: 1, fn: 0 })
    expect(r.masculine).toMatchObject({ tp: 1, fp: 0, fn: 0 })
    expect(formatCorefEval(r)).toContain('F1 80.0')
  })

  it('fails with a clear message when the data is missing', () => {
    expect(() => evalCoref({ dataFile: join(dir, 'missing.jsonl') })).toThrow(/GAP data not found/)
  })
})
