import { existsSync, readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENTITY_TYPES } from '../../model/layers.js'
import { runCoref, type NameSpec } from './harness.js'

const CORPUS = new URL('../../../test/corpus/', import.meta.url)
const documents = readdirSync(CORPUS)
  .filter((slug) => existsSync(new URL(`${slug}/source.txt`, CORPUS)))
  .map((slug) => readFileSync(new URL(`${slug}/source.txt`, CORPUS), 'utf8'))
const CAPITALISED_RUN = /\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*)*/gu

/** Capitalised runs of a document: the shapes an NER would tag. */
function candidates(text: string): { start: number; end: number }[] {
  return [...text.matchAll(CAPITALISED_RUN)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

describe('coref properties (over the golden corpus, random name mentions)', () => {
  it.each(documents.map((text, i) => [i, text] as const))(
    'document %i: valid layers, every name linked, same output twice',
    (_i, text) => {
      const spans = candidates(text)
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(spans.length - 1), fc.constantFrom(...ENTITY_TYPES), fc.boolean()), {
            maxLength: 40,
          }),
          (picks) => {
            const seen = new Set<number>()
            const specs: NameSpec[] = []
            for (const [i, type, acronym] of picks) {
              if (seen.has(i)) continue
              seen.add(i)
              specs.push({
                ...(spans[i] as { start: number; end: number }),
                type,
                kind: acronym ? 'acronym' : 'name',
              })
            }
            // runCoref validates every layer (spans, order, ids, references) and throws on a problem.
            const a = runCoref(text, specs)
            for (const m of a.mentions) {
              if (m.kind === 'name' || m.kind === 'acronym') expect(m.entity).not.toBeNull()
            }
            for (const e of a.entities) expect(e.mentions.length).toBeGreaterThan(0)
            expect(JSON.stringify(runCoref(text, specs))).toBe(JSON.stringify(a))
          },
        ),
        { numRuns: 25, seed: 42 },
      )
    },
  )

  it('never throws on arbitrary text with arbitrary mentions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.nat(), (text, seed) => {
        const spans = candidates(text)
        const specs: NameSpec[] = spans
          .filter((_, i) => (seed >> (i % 30)) & 1)
          .map((s) => ({ ...s, type: 'PERSON' }))
        expect(() => runCoref(text, specs)).not.toThrow()
      }),
      { numRuns: 200, seed: 7 },
    )
  })
})
