import { describe, expect, it } from 'vitest'
import { documentCasing, documentContext, recaseHeadline, sentenceFeatures, wordShape } from './features.js'
import { Gazetteer } from './gazetteer.js'

describe('features', () => {
  it.each([
    ['Iran', 'Xx'],
    ['IRGC', 'X'],
    ['U.S.', 'X.X.'],
    ['1996-08-30', 'd-d-d'],
    ['Amir-Abdollahian', 'Xx-Xx'],
    ['Iran’s', "Xx'x"],
  ])('shape of %s is %s', (word, shape) => {
    expect(wordShape(word)).toBe(shape)
  })

  it('recases a headline from how the article writes its words', () => {
    const body = ['He', 'said', 'the', 'IRGC', 'and', 'Hezbollah', 'can', 'fight', '.']
    const headline = ['IRGC', 'CHIEF', 'SAYS', 'HEZBOLLAH', 'CAN', 'FIGHT', 'A', 'GROUND', 'WAR']
    const casing = documentCasing([headline, body])
    expect(recaseHeadline(headline, casing, new Set(['chief', 'says', 'a', 'ground', 'war']))).toEqual([
      'IRGC',
      'chief',
      'says',
      'Hezbollah',
      'can',
      'fight',
      'a',
      'ground',
      'war',
    ])
    expect(recaseHeadline(body, casing, new Set())).toBe(body)
  })

  it('gives each word the first-pass label of its other occurrences, not its own', () => {
    const resources = { gazetteer: new Gazetteer({}), commonWords: new Set<string>() }
    const sentences = [
      ['SALAMI', 'SPEAKS'],
      ['Hossein', 'Salami', 'said', '.'],
    ]
    const features = sentences.map((s) => sentenceFeatures(s, resources))
    // First pass: the headline's SALAMI untagged (-1), the body's Salami tagged as type 0 (PER).
    const firstPass = [Int32Array.from([-1, -1]), Int32Array.from([0, 0, -1, -1])]
    const context = documentContext(features, firstPass, 4)
    expect([...(context[0] as Int32Array)]).toEqual([1, -1])
    expect([...(context[1] as Int32Array)]).toEqual([-1, 0, -1, -1])
  })
})
