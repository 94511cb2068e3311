/**
 * Properties over generated text and every golden corpus article: the stage never throws, its layer is
 * valid (spans inside the text, sorted, ids a1..aN, parents resolve and hold their children), and two
 * runs give identical output.
 */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../model/analysis.js'
import { contains } from '../../model/span.js'
import { runAttribution } from './test-pipeline.js'

const CORPUS = new URL('../../../test/corpus/', import.meta.url)

function corpusTexts(): [string, string][] {
  let slugs: string[] = []
  try {
    slugs = readdirSync(CORPUS)
  } catch {
    return []
  }
  return slugs.flatMap((slug): [string, string][] => {
    try {
      return [[slug, readFileSync(new URL(`${slug}/source.txt`, CORPUS), 'utf8')]]
    } catch {
      return []
    }
  })
}

const INHERITING = new Set(['floating-quote', 'continued-quote', 'introduced-quote', 'participial'])

function checkLayer(a: Analysis): void {
  const text = a.document.text
  const ids = new Map(a.attributions.map((x) => [x.id, x]))
  a.attributions.forEach((x, i) => {
    expect(x.id).toBe(`a${i + 1}`)
    for (const span of [x.content, x.cue, x.source]) {
      if (!span) continue
      expect(span.start).toBeGreaterThanOrEqual(0)
      expect(span.end).toBeLessThanOrEqual(text.length)
      expect(span.start).toBeLessThan(span.end)
      expect(text.slice(span.start, span.end).trim()).toBe(text.slice(span.start, span.end))
    }
    if (x.parent) {
      const parent = ids.get(x.parent)
      expect(parent).toBeDefined()
      if (parent) expect(contains(parent.content, x.content)).toBe(true)
    }
    // no source, no speaker, unless the speaker is inherited (a quotation continuing another's)
    if (x.source === null) expect(x.speaker === null || INHERITING.has(x.prov.rule)).toBe(true)
    // a source always has a speaker (issue 3), and the speaker is an entity of the document
    if (x.source !== null) expect(a.entities.some((e) => e.id === x.speaker)).toBe(true)
  })
}

/** Fragments of news prose, quote marks and reporting verbs, shuffled into odd texts. */
const FRAGMENT = fc.constantFrom(
  'He said',
  ' that ',
  '“',
  '”',
  '"',
  "''",
  ', ',
  '.',
  '\n\n',
  'Salami added',
  'according to',
  ':',
  'the IRGC chief commander',
  'saying that',
  ' told reporters ',
  'Iran will win',
  '(IRGC)',
  '—',
  '😀',
  ' ',
)

describe('attributionStage properties', () => {
  it('never throws and keeps a valid layer on generated text', () => {
    fc.assert(
      fc.property(fc.array(FRAGMENT, { maxLength: 40 }), (parts) => {
        checkLayer(runAttribution(parts.join('')))
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        checkLayer(runAttribution(text))
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it.each(corpusTexts())('keeps a valid, deterministic layer on corpus article %s', (_slug, text) => {
    const first = runAttribution(text)
    checkLayer(first)
    expect(JSON.stringify(runAttribution(text).attributions)).toBe(JSON.stringify(first.attributions))
  })
})
