import { describe, expect, it } from 'vitest'
import { parseQuery, toFts5, toWebsearch } from './query.js'

describe('search query', () => {
  it.each([
    ['Zionist regime', '"zionist" AND "regime"'.replace(/zionist/, 'Zionist'), 'Zionist regime'],
    ['"West Bank" -Gaza', '"West Bank" NOT ("Gaza")', '"West Bank" -Gaza'],
    ['Hezbollah OR Hamas rockets', '("Hezbollah" OR "Hamas") AND "rockets"', 'Hezbollah OR Hamas rockets'],
    ['AND NOT NEAR(', '"AND" AND "NOT" AND "NEAR"', 'AND NOT NEAR'],
    ['"unterminated phrase', '"unterminated phrase"', '"unterminated phrase"'],
    ['al-Aqsa', '"al Aqsa"', '"al Aqsa"'],
  ])('reads %j', (query, fts5, websearch) => {
    const parsed = parseQuery(query)
    expect(toFts5(parsed)).toBe(fts5)
    expect(toWebsearch(parsed)).toBe(websearch)
  })

  it('keeps user text out of FTS5 syntax', () => {
    expect(toFts5(parseQuery('Salami" OR 1'))).toBe('("Salami" OR "1")')
    expect(toFts5(parseQuery('"""'))).toBe('')
  })
})
