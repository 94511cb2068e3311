/**
 * bm25 as FTS5's own `bm25()` computes it, with the per-query part worked out in JavaScript so that
 * a common word does not cost a read of its whole posting list.
 *
 * Why: FTS5's bm25 weighs each phrase by its IDF, which it gets by visiting every row that holds the
 * phrase, once per query. For "said" on 1,000,000 articles (8.5 million statements) that visit was
 * 63 ms of a 64 ms search; the same search ranked without bm25 took 1.3 ms. A narrowed search
 * (`facet-tokens.ts`) paid it for each facet token too, though they weigh nothing.
 *
 * How: the rows a phrase is in are counted up to {@link EXACT_ROWS}; past that, the count is estimated
 * from how densely the phrase fills the newest rows (the {@link EXACT_ROWS}th newest match's rowid),
 * which for a phrase in that many rows is within a few per cent of the true count (and a per cent of
 * the count moves its IDF by ~0.01). The per-row part of the formula — phrase instances in each column
 * times the column's weight, and the row's length in tokens — is an SQL function
 * (`claimtrail_bm25`) that reads the row's texts and its token counts from FTS5's `_docsize` table, and
 * counts phrase instances with FTS5's own terms (`fts5-terms.ts`). The formula, its constants and the
 * IDF floor are FTS5's (`fts5_aux.c`): a query whose phrases all fall under the exact count ranks its
 * rows as `bm25()` does, to the last digit but for rounding.
 *
 * Only the window of a search (its newest 2,000 matches) is scored, so the per-row work is bounded.
 * Statements only: their texts are short. A document's text is long, and reading and scanning 2,000 of
 * them cost ten times what FTS5's bm25 did (see `SqliteStore.textMatch`).
 */
import type Database from 'better-sqlite3'
import { fts5Terms, PhraseCounter } from './fts5-terms.js'

/** Rows a phrase is counted in exactly; past this its count is estimated (see above). */
export const EXACT_ROWS = 10_000
/** bm25's constants, as FTS5 has them. */
const K1 = 1.2
const B = 0.75
/** The SQL function's name. */
export const BM25_FUNCTION = 'claimtrail_bm25'

/** What ranks one query's rows: its phrases' terms, their IDFs, and the table's mean row length. */
export interface RankSpec {
  /** Each phrase of the query as index terms (excluded phrases are left out: they weigh nothing). */
  phrases: string[][]
  /** Each AND group of the query as the indexes of its phrases (a matched row holds one of each). */
  groups: number[][]
  idf: number[]
  /** Mean tokens a row over all columns, facet column included, as FTS5 counts for bm25. */
  meanLength: number
  /** Weight of each text column passed to the function, in order. */
  weights: number[]
}

/** SQLite's varint (1–9 bytes, big-endian, 7 bits a byte but 8 in the ninth), from `at`. */
function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i]
    if (byte === undefined) return [value, at + i]
    value = value * 128 + (byte & 0x7f)
    if (!(byte & 0x80)) return [value, at + i + 1]
  }
  return [value * 256 + (bytes[at + 8] ?? 0), at + 9]
}

/** The sum of a record of varints (a `_docsize` row: tokens in each column). */
function varintSum(bytes: Uint8Array): number {
  let total = 0
  for (let at = 0; at < bytes.length;) {
    const [value, next] = readVarint(bytes, at)
    total += value
    at = next
  }
  return total
}

/**
 * Rows and tokens of an FTS5 table: its "averages" record (rowid 1 of `_data`), rows then tokens per
 * column, which FTS5 keeps up to date at every commit.
 */
export function ftsTotals(db: Database.Database, fts: string): { rows: number; tokens: number } {
  const row = db.prepare(`SELECT block FROM ${fts}_data WHERE id = 1`).get() as
    { block: Uint8Array } | undefined
  if (!row) return { rows: 0, tokens: 0 }
  const [rows, start] = readVarint(row.block, 0)
  return { rows, tokens: varintSum(row.block.subarray(start)) }
}

/** bm25's IDF of a phrase in `hits` of `rows` rows (FTS5's formula and floor). */
export function idfOf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5))
  return idf <= 0 ? 1e-6 : idf
}

/**
 * Rows of `fts` holding the phrase (an FTS5 MATCH expression): exact up to {@link EXACT_ROWS}, beyond
 * that estimated from the newest rows (see the module's comment). `table` is the table whose ids are
 * the index's rowids.
 */
export function phraseRows(
  db: Database.Database,
  fts: string,
  table: string,
  expression: string,
  rows: number,
  exact = EXACT_ROWS,
): number {
  const found = db
    .prepare(
      `SELECT count(*) AS n, min(rowid) AS low FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ` +
        'ORDER BY rowid DESC LIMIT ?)',
    )
    .get(expression, exact) as { n: number; low: number | null }
  if (found.n < exact || found.low === null) return found.n
  const newest = db.prepare(`SELECT max(id) AS high FROM ${table}`).get() as { high: number }
  // The newest matches are spread over the rowids from the oldest of them to the table's newest:
  // n of them in that many rowids is a match every (span / (n - 1)) rowids (the first one starts the
  // span). Rowids are the stored rows' ids, so over the table that density gives newest × density.
  const span = newest.high - found.low
  if (span <= 0) return found.n
  return Math.max(found.n, Math.min(rows, Math.round(((found.n - 1) * newest.high) / span)))
}

/**
 * The rank spec of a query: `phrases` are its positive terms as FTS5 MATCH expressions (with any
 * column filter the search uses), grouped as the query's AND groups; `texts` the terms of each.
 */
export function rankSpec(
  db: Database.Database,
  fts: string,
  table: string,
  groups: { expression: string; text: string }[][],
  weights: number[],
): RankSpec {
  const totals = ftsTotals(db, fts)
  const rows = Math.max(totals.rows, 1)
  const spec: RankSpec = { phrases: [], groups: [], idf: [], meanLength: totals.tokens / rows, weights }
  for (const group of groups) {
    const members: number[] = []
    for (const phrase of group) {
      members.push(spec.phrases.length)
      spec.phrases.push(fts5Terms(phrase.text))
      spec.idf.push(idfOf(rows, phraseRows(db, fts, table, phrase.expression, rows)))
    }
    spec.groups.push(members)
  }
  return spec
}

/** A rank spec made ready to score rows (its phrase counter built once). */
class Scorer {
  private readonly counter: PhraseCounter

  constructor(private readonly spec: RankSpec) {
    this.counter = new PhraseCounter(spec.phrases)
  }

  /** bm25 of one row: its `_docsize` record and its texts, one a weighted column. */
  score(sizes: Uint8Array | null, texts: (string | null)[]): number {
    const { spec } = this
    const freq = spec.phrases.map(() => 0)
    texts.forEach((text, column) => {
      const weight = spec.weights[column] ?? 1
      if (!text || !weight) return
      this.counter.count(text).forEach((n, p) => (freq[p] = (freq[p] as number) + n * weight))
    })
    // The index matched this row, so each group has a phrase in it: should the terms made here miss
    // one (a tokenizer corner FTS5 reads otherwise), the group's first phrase counts once.
    for (const group of spec.groups) {
      const first = group[0]
      if (first !== undefined && group.every((p) => !freq[p])) freq[first] = 1
    }
    const length = sizes ? varintSum(sizes) : spec.meanLength
    const norm = K1 * (1 - B + (B * length) / (spec.meanLength || 1))
    let score = 0
    freq.forEach((f, p) => {
      score += (spec.idf[p] as number) * ((f * (K1 + 1)) / (f + norm))
    })
    return score
  }
}

/**
 * Registers `claimtrail_bm25(spec, sizes, text…)` on a connection: the spec as JSON (a `RankSpec`),
 * the row's `_docsize` record, then its weighted texts. Higher is better (FTS5's `bm25()` negated).
 * Specs are parsed once each: a query passes the same JSON for every row.
 */
export function registerBm25(db: Database.Database): void {
  const scorers = new Map<string, Scorer>()
  db.function(BM25_FUNCTION, { deterministic: true, varargs: true }, (json, sizes, ...texts) => {
    let scorer = scorers.get(json as string)
    if (!scorer) {
      if (scorers.size >= 32) scorers.clear()
      scorer = new Scorer(JSON.parse(json as string) as RankSpec)
      scorers.set(json as string, scorer)
    }
    return scorer.score(sizes instanceof Uint8Array ? sizes : null, texts as (string | null)[])
  })
}
