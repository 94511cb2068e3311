import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseQuery, toFts5 } from '../../search/query.js'
import { analysedArticles } from '../store.contract.js'
import { fixtureAnalysis, IRGC_PRESS_TV, KHAMENEHI_SPEECH } from '../contract-fixtures.js'
import { BM25_FUNCTION, idfOf, phraseRows, rankSpec, registerBm25 } from './bm25-rank.js'
import { SqliteStore } from './sqlite-store.js'

const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-bm25-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A store of the golden articles and two fixtures, opened raw afterwards. */
async function goldenStore(name: string): Promise<Database.Database> {
  const file = path.join(dir, name)
  const store = await SqliteStore.open(file)
  for (const analysis of analysedArticles()) await store.putDocument({ analysis })
  for (const fixture of [IRGC_PRESS_TV, KHAMENEHI_SPEECH])
    await store.putDocument({ analysis: fixtureAnalysis(fixture) })
  await store.close()
  const db = new Database(file, { readonly: true })
  registerBm25(db)
  return db
}

/** The rank spec of a user's query over statements, as the store makes it. */
function specOf(db: Database.Database, query: string): string {
  const parsed = parseQuery(query)
  const groups = parsed.groups.map((group) =>
    group.map((term) => ({ expression: toFts5({ groups: [[term]], excluded: [] }), text: term.text })),
  )
  return JSON.stringify(rankSpec(db, 'statements_fts', 'statements', groups, [1, 1]))
}

describe('claimtrail_bm25', () => {
  it('scores every statement a query matches as FTS5’s bm25() does', async () => {
    const db = await goldenStore('scores.db')
    const queries = [
      'said',
      'Iran',
      '"South Korea" OR Korean',
      'flag',
      '"Supreme Leader"',
      'enemy OR enemies -America',
      'Zionist regime',
      'salami',
      'asylum seekers',
      '"the United States" OR Israel',
    ]
    let compared = 0
    for (const query of queries) {
      const rows = db
        .prepare(
          `SELECT s.id, -bm25(statements_fts, 1, 1, 0) AS fts5, ${BM25_FUNCTION}(?, ` +
            "(SELECT sz FROM statements_fts_docsize WHERE id = s.id), s.content, coalesce(s.speaker_name, s.source, '')) AS ours " +
            'FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid WHERE statements_fts MATCH ?',
        )
        .all(specOf(db, query), toFts5(parseQuery(query))) as { id: number; fts5: number; ours: number }[]
      expect(rows.length, query).toBeGreaterThan(0)
      for (const row of rows) expect(row.ours, `${query}: statement ${row.id}`).toBeCloseTo(row.fts5, 9)
      compared += rows.length
    }
    expect(compared).toBeGreaterThan(40)
    db.close()
  })

  it('ranks a search’s hits in FTS5’s bm25 order', async () => {
    const db = await goldenStore('order.db')
    const file = db.name
    db.close()
    const store = await SqliteStore.open(file)
    const raw = new Database(file, { readonly: true })
    for (const text of ['said', 'Iran OR Israel', 'regime']) {
      const result = await store.search({ text, limit: 50 })
      const expected = raw
        .prepare(
          'SELECT rowid AS id, -bm25(statements_fts, 1, 1, 0) AS score FROM statements_fts WHERE statements_fts MATCH ? ' +
            'ORDER BY score DESC, id LIMIT 50',
        )
        .all(toFts5(parseQuery(text))) as { id: number; score: number }[]
      const scores = result.hits.map((h) => h.score)
      expect(scores.length).toBe(expected.length)
      scores.forEach((score, i) => expect(score).toBeCloseTo((expected[i] as { score: number }).score, 9))
    }
    raw.close()
    await store.close()
  })
})

describe('phraseRows', () => {
  it('counts the rows of a phrase exactly up to the limit and estimates them past it from the newest rows', () => {
    const db = new Database(':memory:')
    db.exec(
      "CREATE TABLE t (id INTEGER PRIMARY KEY); CREATE VIRTUAL TABLE t_fts USING fts5 (x, tokenize = 'porter unicode61')",
    )
    const insert = db.prepare('INSERT INTO t_fts (rowid, x) VALUES (?, ?)')
    const row = db.prepare('INSERT INTO t (id) VALUES (?)')
    // "ministers said" in every third of 3,000 rows; "budget" in the first 100 only.
    for (let id = 1; id <= 3000; id++) {
      row.run(id)
      insert.run(
        id,
        `${id % 3 === 0 ? 'the ministers said' : 'a statement'}${id <= 100 ? ' on the budget' : ''}`,
      )
    }
    expect(phraseRows(db, 't_fts', 't', '"minister said"', 3000, 5000)).toBe(1000)
    expect(phraseRows(db, 't_fts', 't', '"minister said"', 3000, 200)).toBe(1000)
    expect(phraseRows(db, 't_fts', 't', '"budget"', 3000, 5000)).toBe(100)
    // Past the limit the estimate reads the newest rows only: a word used only long ago is undercounted
    // there, but it is no longer common either (the estimate is at least the limit).
    expect(phraseRows(db, 't_fts', 't', '"budget"', 3000, 50)).toBeGreaterThanOrEqual(50)
    db.close()
  })

  it('gives bm25’s IDF, with its floor for a phrase in more than half the rows', () => {
    expect(idfOf(1000, 10)).toBeCloseTo(Math.log(990.5 / 10.5), 12)
    expect(idfOf(1000, 600)).toBe(1e-6)
  })
})
