import { describe, expect, it } from 'vitest'
import { inflect } from './inflect.js'

describe('inflect', () => {
  it.each([
    ['say', ['say', 'says', 'said', 'saying']],
    ['tell', ['tell', 'tells', 'told', 'telling']],
    ['write', ['write', 'writes', 'wrote', 'written', 'writing']],
    ['add', ['add', 'adds', 'added', 'adding']],
    ['note', ['note', 'notes', 'noted', 'noting']],
    ['testify', ['testify', 'testifies', 'testified', 'testifying']],
    ['admit', ['admit', 'admits', 'admitted', 'admitting']],
    ['stress', ['stress', 'stresses', 'stressed', 'stressing']],
    ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
    ['reply', ['reply', 'replies', 'replied', 'replying']],
  ])('inflects %s', (lemma, forms) => {
    expect(inflect(lemma)).toEqual(forms)
  })
})
