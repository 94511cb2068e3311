import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { Gazetteer } from './gazetteer.js'
import { recaseLowerCase } from './recase-lower.js'
import { entitiesStage } from './stage.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

/** "start:end:TYPE" of every mention (offsets survive a case change of the whole text). */
function mentionKeys(text: string): Set<string> {
  return new Set(pipeline.run({ text }).mentions.map((m) => `${m.start}:${m.end}:${m.type}`))
}

const corpus = new URL('../../../test/corpus/', import.meta.url)
const articles = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => readFileSync(new URL(`${d.name}/source.txt`, corpus), 'utf8'))

/** Over all corpus articles: the share of the original's mentions kept, and of the recased text's that are right. */
function agreement(change: (text: string) => string): { recall: number; precision: number } {
  let original = 0
  let found = 0
  let kept = 0
  for (const text of articles) {
    const expected = mentionKeys(text)
    const got = mentionKeys(change(text))
    original += expected.size
    found += got.size
    kept += [...got].filter((k) => expected.has(k)).length
  }
  return { recall: kept / original, precision: kept / found }
}

describe('text that is not Title Case', () => {
  // Acronyms cannot be told from words in lower case ("kcna"), and types shift where casing was the only
  // clue, so the bars are well below 1; a collapsed model finds nothing (recall 0) or noise.
  it('the corpus articles in lower case keep most of their names, with their types', () => {
    const { recall, precision } = agreement((t) => t.toLowerCase())
    expect(recall).toBeGreaterThanOrEqual(0.4)
    expect(precision).toBeGreaterThanOrEqual(0.7)
  })

  it('the corpus articles in capitals keep most of their names, with their types', () => {
    const { recall, precision } = agreement((t) => t.toUpperCase())
    expect(recall).toBeGreaterThanOrEqual(0.5)
    expect(precision).toBeGreaterThanOrEqual(0.6)
  })

  it('title-cases known places and never-lower-case words, not titles or common words', () => {
    const gazetteer = new Gazetteer({ countries: ['New Zealand'], 'person-titles': ['Prime Minister'] })
    const vocabulary = {
      index: new Map([
        ['John', 0],
        ['Key', 1],
        ['key', 2],
      ]),
      classes: [],
    }
    const texts = ['prime', 'minister', 'john', 'key', 'said', 'new', 'zealand', 'would', 'vote']
    expect(recaseLowerCase(texts, gazetteer, new Set(['said', 'would', 'vote', 'new']), vocabulary)).toEqual([
      'Prime',
      'minister',
      'John',
      'key',
      'said',
      'New',
      'Zealand',
      'would',
      'vote',
    ])
  })
})
