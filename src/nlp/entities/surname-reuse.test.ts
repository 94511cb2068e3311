import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { Gazetteer } from './gazetteer.js'
import { entitiesStage } from './stage.js'
import { reuseSurnames } from './surname-reuse.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

describe('reuseSurnames', () => {
  // BBC Sport, 2005 (../shared/data/news/bbc-2005.jsonl): the headlines' lone surnames were read as ORG.
  it.each([
    [
      'Mirza shocks Kuznetsova\n\nSania Mirza continued her remarkable rise with victory over US Open champion Svetlana Kuznetsova at the Dubai Championships on Tuesday.',
      'Mirza',
    ],
    [
      'Benitez issues warning to Gerrard\n\nLiverpool manager Rafael Benitez has ordered captain Steven Gerrard not to play down their Champions League ambitions and be more positive.',
      'Benitez',
    ],
  ])('types a lone surname as the person the article names in full: %s', (text, surname) => {
    const lone = pipeline.run({ text }).mentions.find((m) => text.slice(m.start, m.end) === surname)
    expect(lone?.type).toBe('PERSON')
  })

  it('keeps a one-word country or organisation that a person span happens to end with', () => {
    const text = 'Ford said Harrison Ford would visit Ireland with Mary Ireland.'
    const at = (word: string, from = 0) => text.indexOf(word, from)
    const drafts = [
      { start: 0, end: 4, type: 'ORG' as const, kind: 'name' as const },
      { start: at('Harrison'), end: at('Harrison') + 13, type: 'PERSON' as const, kind: 'name' as const },
      { start: at('Ireland'), end: at('Ireland') + 7, type: 'GPE' as const, kind: 'name' as const },
      { start: at('Mary'), end: at('Mary') + 12, type: 'PERSON' as const, kind: 'name' as const },
    ]
    const gazetteer = new Gazetteer({ countries: ['Ireland'], organisations: ['Ford'] })
    expect(reuseSurnames(text, drafts, gazetteer).map((d) => d.type)).toEqual([
      'ORG',
      'PERSON',
      'GPE',
      'PERSON',
    ])
    expect(reuseSurnames(text, drafts, new Gazetteer({})).map((d) => d.type)).toEqual([
      'PERSON',
      'PERSON',
      'PERSON',
      'PERSON',
    ])
  })
})
