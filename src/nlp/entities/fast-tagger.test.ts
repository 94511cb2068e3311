import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { CompiledEntityScorer } from './compiled-scorer.js'
import { compileDocument, tagCompiledDocument } from './fast-tagger.js'
import { documentFeatures } from './features.js'
import { loadEntityModel } from './model-file.js'
import { tagDocumentUnits } from './tagger.js'
import { unitsFromTokens } from './tagger-units.js'

const corpus = new URL('../../../test/corpus/', import.meta.url)
const tokenizer = createPipeline([tokensStage])

/** Tagger-unit sentences of a shipped corpus article. */
function sentencesOf(name: string): string[][] {
  const text = readFileSync(new URL(`${name}/source.txt`, corpus), 'utf8')
  const { tokens } = tokenizer.runToView({ text }).view
  const sentences: string[][] = []
  let first = 0
  while (first < tokens.count) {
    let last = first + 1
    while (last < tokens.count && tokens.sentence[last] === tokens.sentence[first]) last++
    sentences.push(unitsFromTokens(text, tokens.starts, tokens.ends, first, last).texts)
    first = last
  }
  return sentences
}

describe('fast-tagger', () => {
  const model = loadEntityModel()
  const articles = readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

  it.each(articles)('labels %s exactly as the feature-list tagger does', (name) => {
    const sentences = sentencesOf(name)
    const expected = tagDocumentUnits(
      model.scorer,
      documentFeatures(sentences, model.resources),
      model.types.length,
    )
    const compiled = compileDocument(sentences, model.compiled, model.resources)
    const labels = tagCompiledDocument(model.compiled, compiled, model.types.length)
    expect(labels.map((l) => [...l])).toEqual(expected.map((l) => [...l]))
    expect(labels.flatMap((l) => [...l]).some((l) => l > 0)).toBe(true)
  })

  it('reads an all-caps headline the same way (recased before scoring)', () => {
    const [headline, ...body] = sentencesOf('irgc-salami-interview')
    const caps = (headline as string[]).map((t) => t.toUpperCase())
    const sentences = [caps, ...body]
    const expected = tagDocumentUnits(model.scorer, documentFeatures(sentences, model.resources), 4)
    const compiled = compileDocument(sentences, model.compiled, model.resources)
    expect(compiled[0]?.texts).not.toEqual(caps)
    expect(tagCompiledDocument(model.compiled, compiled, 4).map((l) => [...l])).toEqual(
      expected.map((l) => [...l]),
    )
  })

  it('tags the same after the word cache fills and is cleared between documents', () => {
    // A scorer of its own: the shared one's cache is what the other tests read.
    const scorer = new CompiledEntityScorer(model.scorer, model.resources)
    const sentences = sentencesOf('irgc-salami-interview')
    const tag = (): number[][] =>
      tagCompiledDocument(scorer, compileDocument(sentences, scorer, model.resources), 4).map((l) => [...l])
    const before = tag()
    // One document of more new word types than the cache keeps: nothing is cleared while it is tagged,
    // so its words keep their vectors; the next document finds the cache trimmed.
    const filler = Array.from({ length: 52_000 }, (_, i) => `Word${i.toString(36)}`)
    const big = Array.from({ length: 1734 }, (_, k) => filler.slice(30 * k, 30 * k + 30))
    const bigLabels = tagCompiledDocument(scorer, compileDocument(big, scorer, model.resources), 4)
    const expected = tagDocumentUnits(model.scorer, documentFeatures(big, model.resources), 4)
    expect(bigLabels.map((l) => [...l])).toEqual(expected.map((l) => [...l]))
    expect(tag()).toEqual(before)
  })
})
