import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { facetColumn, facetMatch, mayMatchFacets } from './facet-tokens.js'
import { parseQuery } from './query.js'

describe('facet tokens', () => {
  it('writes a row’s outlet, outlet × year, year, month and speaker', () => {
    expect(facetColumn({ outletId: 7, published: '2018-03-02', speakerId: 12 })).toBe(
      'o7 o7y2018 y2018 m201803 s12',
    )
    expect(facetColumn({ outletId: null, published: '2018-03-02T10:00:00Z' })).toBe('y2018 m201803')
    expect(facetColumn({ outletId: 3, published: null, speakerId: null })).toBe('o3')
    expect(facetColumn({ outletId: null, published: 'unknown' })).toBe('')
  })

  it.each([
    [{ outletId: 7 }, 'o7'],
    [{ outletId: 7, from: '2015-01-01', to: '2016-12-31' }, '(o7y2015 OR o7y2016)'],
    [{ from: '2018-03-01', to: '2018-03-31' }, 'm201803'],
    [{ from: '2018-12-20', to: '2019-01-10', outletId: 2 }, '(m201812 OR m201901) AND (o2y2018 OR o2y2019)'],
    [{ from: '2009-01-01', to: '2009-12-31' }, 'y2009'],
    [{ speakerIds: [4, 9], from: '2010-01-01', to: '2010-02-15' }, '(s4 OR s9) AND (m201001 OR m201002)'],
  ])('narrows %j to %s', (filter, expected) => {
    expect(facetMatch(filter)).toBe(expected)
  })

  it('gives nothing to narrow by for open or very long ranges without an outlet', () => {
    expect(facetMatch({ from: '2010-01-01' })).toBeNull()
    expect(facetMatch({ from: '2000-01-01', to: '2020-12-31' })).toBeNull()
    // Years alone are large posting lists: two at most.
    expect(facetMatch({ from: '2011-06-01', to: '2012-05-31' })).toBe('(y2011 OR y2012)')
    expect(facetMatch({ from: '2011-06-01', to: '2013-05-31' })).toBeNull()
    expect(facetMatch({})).toBeNull()
    // With an outlet, a long range falls back to the outlet token.
    expect(facetMatch({ outletId: 1, from: '2000-01-01', to: '2020-12-31' })).toBe('o1')
  })

  it.each([
    ['o7y2018', true],
    ['Y2018 budget', true],
    ['"the m201803 memo"', true],
    ['ÿ2018', true],
    ['-s12', true],
    ['y2k OR s', false],
    ['o7y18', false],
    ['economy', false],
  ])('tells whether %j could match a facet token: %s', (query, expected) => {
    expect(mayMatchFacets(parseQuery(query))).toBe(expected)
  })

  it('selects through FTS5 with the porter tokenizer a superset of what the filters select', () => {
    const db = new Database(':memory:')
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5 (content, facets, content = '', tokenize = 'porter unicode61 remove_diacritics 2')",
    )
    const rows = [
      { id: 1, text: 'the economy grew', outletId: 7, published: '2015-06-01' },
      { id: 2, text: 'the economy shrank', outletId: 7, published: '2021-01-05' },
      { id: 3, text: 'the economy stalled', outletId: 8, published: '2016-02-01' },
      { id: 4, text: 'markets rallied', outletId: 7, published: '2016-02-01' },
      // A text holding a word spelled like a token.
      { id: 5, text: 'o7y2016 economy', outletId: 9, published: '2016-02-01' },
    ]
    const insert = db.prepare('INSERT INTO t (rowid, content, facets) VALUES (?, ?, ?)')
    for (const r of rows)
      insert.run(r.id, r.text, facetColumn({ outletId: r.outletId, published: r.published }))
    const ids = (match: string): number[] =>
      (
        db.prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid').all(match) as { id: number }[]
      ).map((r) => r.id)
    const narrowed = facetMatch({ outletId: 7, from: '2015-01-01', to: '2016-12-31' })
    // A superset: row 5 holds the token as a word; the filters' own SQL conditions drop it.
    expect(ids(`"economy" AND ${narrowed}`)).toEqual([1, 5])
    // Unconfined, the token finds the row that holds it as a word and the rows it is the facet of;
    // the text column alone, only the former.
    expect(ids('"o7y2016"')).toEqual([4, 5])
    expect(ids('{content} : ("o7y2016")')).toEqual([5])
    expect(ids(`${facetMatch({ from: '2016-02-01', to: '2016-02-29' })}`)).toEqual([3, 4, 5])
  })
})
