import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
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
})
