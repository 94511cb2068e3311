import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../pipeline/pipeline.js'
import { tokensStage } from '../tokens/stage.js'
import { Gazetteer } from './gazetteer.js'
import { lawArticles, refineType } from './refine-type.js'
import { entitiesStage } from './stage.js'

const pipeline = createPipeline([tokensStage, entitiesStage])

/** "surface/TYPE" of every mention of `text`. */
function typed(text: string): string[] {
  return pipeline.run({ text }).mentions.map((m) => `${text.slice(m.start, m.end)}/${m.type}`)
}

// Sentences of BBC News articles (2004–2005, ../shared/data/news/bbc-2005.jsonl).
describe('refineType on news text', () => {
  it.each([
    [
      "Almost all of Abba's original songs, which have sold more than 350 million records worldwide, were written and recorded in English.",
      'English/LANGUAGE',
    ],
    [
      'Last November a court judged the film was too American to compete in French film festivals.',
      'French/NORP',
    ],
    [
      'The Freedom of Information Act will cover England, Wales and Northern Ireland from next year.',
      'Freedom of Information Act/LAW',
    ],
    [
      'Until we change our whole approach to imprisoning vulnerable people we cannot begin to meet our positive obligations under Article 2 of the European Convention on Human Rights and meet our duty of care to them.',
      'Article 2/LAW',
    ],
    [
      "Brian Kerr's side will face the 54th ranked Chinese on 29 March - just three days after the World Cup qualifier against Israel in Tel Aviv.",
      'World Cup/EVENT',
    ],
    [
      'It is a key element of his proposals for a modern version of the Marshall Plan, which brought US aid to rebuild Europe after World War II, for the developing world.',
      'World War II/EVENT',
    ],
    [
      "Mourinho still faces an FA investigation into his allegation that Manchester United's players 'cheated' during January's Carling Cup semi-final at Stamford Bridge.",
      'Stamford Bridge/FAC',
    ],
    [
      "Separately, the world's largest package delivery company, UPS, said it had placed an order for 10 Airbus A380 superjumbo freight-carrying jets, with an option to buy 10 more of the triple-decker aircraft.",
      'Airbus A380/PRODUCT',
    ],
  ])('types the name in %s', (text, expected) => {
    expect(typed(text)).toContain(expected)
  })
})

describe('refineType', () => {
  const lists = new Gazetteer({ languages: ['Arabic', 'Kurdish'], products: ['Windows', 'Kalashnikov'] })
  const name = (units: string[], before: string[] = [], after: string[] = []) => ({ units, before, after })

  it.each([
    ['NORP', name(['Kurdish'], ['the'], ['language']), 'LANGUAGE'],
    ['MISC', name(['Arabic'], ['in'], ['and', 'English']), 'LANGUAGE'],
    ['NORP', name(['Kurdish'], ['in'], ['towns']), 'NORP'],
    ['MISC', name(['Arabic'], ['the'], ['press']), 'MISC'],
    ['MISC', name(['Windows', 'XP'], ['for']), 'PRODUCT'],
    ['MISC', name(['Kalashnikov'], ['automatic'], ['rifles']), 'PRODUCT'],
    ['MISC', name(['The', 'Crying', 'Game'], ['film', '"'], ['"']), 'WORK_OF_ART'],
    ['MISC', name(['Festival'], ['Berlin', 'Film']), 'MISC'],
    ['ORG', name(['Crystal', 'Palace']), 'ORG'],
    ['LOC', name(['Tiananmen', 'Square'], ["'s"]), 'FAC'],
    ['MISC', name(['Treaty', 'of', 'Baden']), 'LAW'],
    ['MISC', name(['The', 'Da', 'Vinci', 'Code']), 'MISC'],
  ] as const)('%s %j becomes %s', (base, n, expected) => {
    expect(refineType(base, n, lists)).toBe(expected)
  })

  it('finds numbered articles of laws only before "of"', () => {
    const text = 'Article 5 of the treaty binds members; this article 6 does not, nor does Article 7.'
    expect(lawArticles(text)).toEqual([{ start: 0, end: 9 }])
  })
})
