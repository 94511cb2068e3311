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

  it('keeps a company that a person in the article is named after', () => {
    // BBC Business, 2005: "Ford gains from finance not cars" (opening and the chairman's quote).
    const text =
      'Ford, the US car company, reported higher fourth quarter and full-year profits on Thursday boosted by a buoyant period for its car loans unit.\n\n"In 2004, our company gained momentum, delivering...more new products, and more innovative breakthroughs, such as the Escape Hybrid, the industry\'s first full-hybrid sport utility vehicle," said chairman and chief executive officer Bill Ford.'
    const typed = pipeline.run({ text }).mentions.map((m) => `${text.slice(m.start, m.end)}/${m.type}`)
    expect(typed).toContain('Bill Ford/PERSON')
    expect(typed[0]).toBe('Ford/ORG')
  })

  it('retypes only where no list claims the word', () => {
    const text = 'Ford said Bill Ford would visit.'
    const drafts = [
      { start: 0, end: 4, type: 'ORG' as const, kind: 'name' as const },
      { start: 10, end: 19, type: 'PERSON' as const, kind: 'name' as const },
    ]
    const listed = reuseSurnames(text, drafts, new Gazetteer({ organisations: ['Ford'] }))
    expect(listed.map((d) => d.type)).toEqual(['ORG', 'PERSON'])
    expect(reuseSurnames(text, drafts, new Gazetteer({})).map((d) => d.type)).toEqual(['PERSON', 'PERSON'])
  })
})
