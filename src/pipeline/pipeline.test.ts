import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { corpusSlugs, loadCorpusDoc } from '../../test/helpers/corpus.js'
import { pipelineFor } from '../analyze.js'
import { tokensStage } from '../nlp/tokens/stage.js'
import { createPipeline } from './pipeline.js'
import { defineStage } from './stage.js'

const mentionsFromCapitals = defineStage({
  name: 'capitals',
  version: 1,
  requires: ['tokens'],
  provides: ['mentions'],
  options: z.object({ minLength: z.number().int().default(2) }),
  run(doc, ctx) {
    const mentions = []
    const t = doc.tokens
    for (let i = 0; i < t.count; i++) {
      const surface = doc.tokenText(i)
      if (/^\p{Lu}/u.test(surface) && surface.length >= ctx.options.minLength) {
        mentions.push({
          id: `m${mentions.length + 1}` as const,
          start: t.starts[i] as number,
          end: t.ends[i] as number,
          type: 'MISC' as const,
          kind: 'name' as const,
          entity: null,
        })
      }
    }
    return { mentions }
  },
})

describe('createPipeline', () => {
  it('rejects a stage whose required layer no earlier stage provides (CT0102)', () => {
    expect(() => createPipeline([mentionsFromCapitals])).toThrow(
      /CT0102: stage "capitals" requires layer "tokens"/,
    )
  })

  it('rejects two stages providing the same layer (CT0103)', () => {
    expect(() => createPipeline([tokensStage, mentionsFromCapitals, mentionsFromCapitals])).toThrow(/CT0103/)
  })

  it('rejects bad options at build time (CT0104)', () => {
    expect(() =>
      createPipeline([tokensStage, mentionsFromCapitals], { options: { capitals: { minLength: 'x' } } }),
    ).toThrow(/CT0104: bad options for stage "capitals"/)
  })

  it('runs stages in order, records their versions and fills absent layers with empty arrays', () => {
    const pipeline = createPipeline([tokensStage, mentionsFromCapitals])
    const result = pipeline.run({
      text: 'Salami spoke in Tehran. He left.',
      meta: { published: '2022-09-01' },
    })
    expect(result.mentions.map((m) => result.document.text.slice(m.start, m.end))).toEqual([
      'Salami',
      'Tehran',
      'He',
    ])
    expect(result.sentences).toEqual([
      { start: 0, end: 23 },
      { start: 24, end: 32 },
    ])
    expect(result.provenance.stages).toEqual({ tokens: tokensStage.version, capitals: 1 })
    expect(result.attributions).toEqual([])
    expect(result.document.published).toBe('2022-09-01')
  })

  it('catches a stage that returns out-of-order layers when validating', () => {
    const unsorted = defineStage({
      name: 'unsorted',
      version: 1,
      requires: ['tokens'],
      provides: ['sentences'],
      options: z.object({}),
      run: () => ({
        sentences: [
          { start: 5, end: 9 },
          { start: 0, end: 4 },
        ],
      }),
    })
    const tokensOnly = defineStage({ ...tokensStage, provides: ['tokens'] })
    expect(() => createPipeline([tokensOnly, unsorted]).run({ text: 'abcd efgh' })).toThrow(/out of order/)
  })

  it('gives byte-identical JSON for the same input', () => {
    const pipeline = createPipeline([tokensStage, mentionsFromCapitals])
    const input = { text: 'The IRGC chief commander said that “Iran will stand.”' }
    expect(JSON.stringify(pipeline.run(input))).toBe(JSON.stringify(pipeline.run(input)))
  })

  it('runs in parts, through v8.serialize between them, to the analysis a single run gives (golden corpus)', () => {
    const pipeline = pipelineFor('full', { validate: false })
    const slugs = corpusSlugs()
    expect(slugs.length).toBeGreaterThan(0)
    for (const slug of slugs) {
      const { input } = loadCorpusDoc(slug)
      const whole = pipeline.run(input)
      // Cut after every stage in turn, as the ingest pool does after coreference.
      for (let cut = 0; cut <= pipeline.stages.length; cut++) {
        const first = pipeline.runStages(pipeline.begin(input), 0, cut)
        const carried = v8.deserialize(v8.serialize(first)) as typeof first
        const parts = pipeline.finish(pipeline.runStages(carried, cut, pipeline.stages.length))
        expect(JSON.stringify(parts), `${slug}, cut after ${cut} stage(s)`).toBe(JSON.stringify(whole))
      }
      expect(whole.attributions.length + whole.mentions.length, slug).toBeGreaterThan(0)
    }
  })

  it('refuses stages out of turn (CT0107)', () => {
    const pipeline = createPipeline([tokensStage, mentionsFromCapitals])
    const state = pipeline.begin({ text: 'Salami said that Iran will stand.' })
    expect(() => pipeline.runStages(state, 1, 2)).toThrow(
      /CT0107: stages \[1, 2\) cannot run on a document that has been through 0 stage\(s\) of 2/,
    )
    pipeline.runStages(state, 0, 1)
    expect(() => pipeline.runStages(state, 0, 1)).toThrow(/CT0107/)
    expect(pipeline.finish(pipeline.runStages(state, 1, 2)).mentions.length).toBeGreaterThan(0)
  })
})
