import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analysisJsonSchema } from './analysis.js'

describe('analysis schema', () => {
  it('matches the committed schema/analysis.schema.json (run `npm run schema` after changing the zod schema)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8'),
    )
    expect(committed).toEqual(analysisJsonSchema())
  })

  it('names every layer of the analysis@1 contract', () => {
    const schema = analysisJsonSchema() as { required: string[] }
    expect(schema.required).toEqual([
      'schema',
      'id',
      'document',
      'blocks',
      'sentences',
      'mentions',
      'entities',
      'attributions',
      'times',
      'techniques',
      'claims',
      'diagnostics',
      'provenance',
    ])
  })
})
