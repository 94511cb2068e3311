// Step two of filling the search benchmark's SQLite store (see corpus-search.mjs): the documents
// written through the store (each a distinct variant text) are copied in SQL, each copy with new ids,
// a new outlet and a new date, until the store holds the target count. Storing a million documents
// one transaction at a time through the store writes every random B-tree page (LSH bands, entity
// keys, quote keys) again and again; copying in key order, in one transaction per table, is minutes.
// Every copy is a whole document with all its rows (statements, FTS entries, entities, bands,
// techniques, claims); the running speaker totals are recounted from the statements at the end.
import Database from 'better-sqlite3'

const OUTLET = "'Outlet ' || char(65 + (k % 26)) || k"

/**
 * The facet tokens (src/search/facet-tokens.ts, as migration 008 writes them) of the copy `c`'s outlet,
 * with id `o.id`, and date: every copy has both.
 */
function facetColumn(c, o) {
  return (
    `concat_ws(' ', 'o' || ${o}.id, 'o' || ${o}.id || 'y' || substr(${c}.published, 1, 4), ` +
    `'y' || substr(${c}.published, 1, 4), 'm' || substr(${c}.published, 1, 4) || substr(${c}.published, 6, 2))`
  )
}

/**
 * Copies the documents written through the store (and their rows) until the store holds `target`
 * documents. What was copied from is recorded in `bench_copies`, so an interrupted run goes on.
 *
 * @example replicate('.tmp/bench/search-1000000.db', 1_000_000, log)
 */
export function replicate(file, target, log) {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -2000000') // 2 GB: every index being filled stays in memory until the commit
  db.pragma('temp_store = MEMORY')
  const one = (sql, ...params) => Object.values(db.prepare(sql).get(...params))[0]
  db.exec(
    'CREATE TABLE IF NOT EXISTS bench_copies (max_doc INTEGER, max_statement INTEGER, max_technique INTEGER, rounds INTEGER); ' +
      'INSERT INTO bench_copies SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM statements), ' +
      '(SELECT coalesce(max(id), 0) FROM techniques), 0 WHERE NOT EXISTS (SELECT 1 FROM bench_copies)',
  )
  const {
    max_doc: maxDoc,
    max_statement: maxStatement,
    max_technique: maxTechnique,
    rounds,
  } = db.prepare('SELECT * FROM bench_copies').get()
  const base = one('SELECT count(*) FROM documents WHERE id <= ?', maxDoc)
  // Claims (migration 006) are copied too when the store has them; their ids shift like the others'.
  const hasClaims = one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'claims'") > 0
  // The entity tables carry their row's date from migration 007 on: a copy gets its new date.
  const entityDates =
    one("SELECT count(*) FROM pragma_table_info('statement_entities') WHERE name = 'published'") > 0
  // The text indexes carry facet tokens from migration 008 on: a copy gets those of its new outlet and date.
  const facets = one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'facet_ids'") > 0
  const maxClaim = hasClaims ? one('SELECT coalesce(max(id), 0) FROM claims WHERE doc_id <= ?', maxDoc) : 0
  let have = one('SELECT count(*) FROM documents')
  for (let r = rounds + 1; have < target; r++) {
    const n = Math.min(base, target - have)
    const began = Date.now()
    // Copy r: ids shifted past everything stored, a new outlet (few large, many small) and date per document.
    const docOff = maxDoc * r
    const stOff = maxStatement * r
    const tOff = maxTechnique * r
    db.transaction(() => {
      db.exec('DROP TABLE IF EXISTS temp.copy')
      db.prepare(
        `CREATE TEMP TABLE copy AS SELECT id, id + ? AS nid, ${OUTLET} AS outlet, ` +
          "date('2004-01-01', '+' || (abs(random()) % 7305) || ' days') AS published " +
          'FROM (SELECT id, CAST(40 * pow((abs(random()) % 1000000) / 1000000.0, 2) AS INTEGER) AS k ' +
          'FROM documents WHERE id <= ? ORDER BY id LIMIT ?)',
      ).run(docOff, maxDoc, n)
      db.exec('CREATE UNIQUE INDEX temp.copy_id ON copy (id)')
      const suffix = `-r${r}`
      db.prepare(
        'INSERT INTO documents (id, hash, external_id, title, url, outlet, byline, published, language, text, analysis, ' +
          'signature, source, near_dup_of, similarity, statements, stored_at) ' +
          'SELECT c.nid, d.hash || ?, d.external_id || ?, d.title, d.url || ?, c.outlet, d.byline, c.published, d.language, ' +
          'd.text, d.analysis, d.signature, d.source, d.near_dup_of + ?, d.similarity, d.statements, d.stored_at ' +
          'FROM copy c JOIN documents d ON d.id = c.id ORDER BY c.id',
      ).run(suffix, suffix, suffix, docOff)
      if (facets) {
        db.exec(
          "INSERT OR IGNORE INTO facet_ids (kind, value) SELECT DISTINCT 'outlet', outlet FROM copy; " +
            "INSERT INTO documents_fts (rowid, title, text, facets) SELECT c.nid, coalesce(d.title, ''), d.text, " +
            `${facetColumn('c', 'o')} FROM copy c JOIN documents d ON d.id = c.id ` +
            "LEFT JOIN facet_ids o ON o.kind = 'outlet' AND o.value = c.outlet ORDER BY c.id",
        )
      } else {
        db.exec(
          "INSERT INTO documents_fts (rowid, title, text) SELECT c.nid, coalesce(d.title, ''), d.text FROM copy c JOIN documents d ON d.id = c.id ORDER BY c.id",
        )
      }
      db.prepare(
        'INSERT INTO statements (id, doc_id, ord, attribution, mode, speaker_key, speaker_name, speaker_type, source, cue, ' +
          'content, content_start, content_end, parent, quote_key, outlet, published, near_dup_of) ' +
          'SELECT s.id + ?, c.nid, s.ord, s.attribution, s.mode, s.speaker_key, s.speaker_name, s.speaker_type, s.source, s.cue, ' +
          's.content, s.content_start, s.content_end, s.parent, s.quote_key || ?, c.outlet, c.published, s.near_dup_of + ? ' +
          'FROM copy c JOIN statements s ON s.doc_id = c.id ORDER BY s.id',
      ).run(stOff, suffix, docOff)
      if (facets) {
        db.prepare(
          "INSERT INTO statements_fts (rowid, content, speaker, facets) SELECT s.id + ?, s.content, coalesce(s.speaker_name, s.source, ''), " +
            `concat_ws(' ', ${facetColumn('c', 'o')}, 's' || k.id) FROM copy c JOIN statements s ON s.doc_id = c.id ` +
            "LEFT JOIN facet_ids o ON o.kind = 'outlet' AND o.value = c.outlet " +
            "LEFT JOIN facet_ids k ON k.kind = 'speaker' AND k.value = s.speaker_key ORDER BY s.id",
        ).run(stOff)
      } else {
        db.prepare(
          "INSERT INTO statements_fts (rowid, content, speaker) SELECT s.id + ?, s.content, coalesce(s.speaker_name, s.source, '') " +
            'FROM copy c JOIN statements s ON s.doc_id = c.id ORDER BY s.id',
        ).run(stOff)
      }
      db.prepare(
        `INSERT INTO statement_entities (statement_id, entity_key${entityDates ? ', published' : ''}) ` +
          `SELECT e.statement_id + ?, e.entity_key${entityDates ? ', c.published' : ''} ` +
          'FROM copy c JOIN statements s ON s.doc_id = c.id JOIN statement_entities e ON e.statement_id = s.id ' +
          'ORDER BY e.entity_key, e.statement_id',
      ).run(stOff)
      db.prepare(
        `INSERT INTO document_entities (doc_id, entity_key, name, type, surname, mentions${entityDates ? ', published' : ''}) ` +
          `SELECT c.nid, e.entity_key, e.name, e.type, e.surname, e.mentions${entityDates ? ', c.published' : ''} ` +
          'FROM document_entities e JOIN copy c ON c.id = e.doc_id ' +
          'ORDER BY e.entity_key, e.doc_id',
      ).run()
      db.prepare(
        'INSERT INTO document_bands (band_key, doc_id) SELECT b.band_key, c.nid FROM document_bands b JOIN copy c ON c.id = b.doc_id ' +
          'ORDER BY b.band_key, b.doc_id',
      ).run()
      db.prepare(
        'INSERT INTO techniques (id, doc_id, technique_id, technique, span_start, span_end, score, span, statement_id, ' +
          'speaker_key, quote_key, outlet, published) SELECT t.id + ?, c.nid, t.technique_id, t.technique, t.span_start, ' +
          't.span_end, t.score, t.span, t.statement_id + ?, t.speaker_key, t.quote_key || ?, c.outlet, c.published ' +
          'FROM copy c JOIN techniques t ON t.doc_id = c.id ORDER BY t.id',
      ).run(tOff, stOff, suffix)
      if (hasClaims) {
        const cOff = maxClaim * r
        db.prepare(
          'INSERT INTO claims (id, doc_id, claim_id, span_start, span_end, text, checkworthiness, statement_id, ' +
            'speaker_key, quote_key, outlet, published) SELECT k.id + ?, c.nid, k.claim_id, k.span_start, k.span_end, ' +
            'k.text, k.checkworthiness, k.statement_id + ?, k.speaker_key, k.quote_key || ?, c.outlet, c.published ' +
            'FROM copy c JOIN claims k ON k.doc_id = c.id ORDER BY k.id',
        ).run(cOff, stOff, suffix)
        db.prepare(
          'INSERT INTO claims_fts (rowid, text) SELECT k.id + ?, k.text FROM copy c JOIN claims k ON k.doc_id = c.id ORDER BY k.id',
        ).run(cOff)
      }
      db.exec(
        'DROP TABLE IF EXISTS temp.named; CREATE TEMP TABLE named AS SELECT s.speaker_key AS k, s.speaker_name AS n, count(*) AS c ' +
          'FROM copy c JOIN statements s ON s.doc_id = c.id WHERE s.speaker_key IS NOT NULL AND s.speaker_name IS NOT NULL GROUP BY 1, 2; ' +
          'CREATE UNIQUE INDEX temp.named_key ON named (k, n); ' +
          'UPDATE speaker_names SET count = count + coalesce((SELECT c FROM named WHERE k = speaker_key AND n = name), 0);',
      )
      db.prepare('UPDATE bench_copies SET rounds = ?').run(r)
    })()
    have += n
    log(`copy ${r}: ${have} documents (${((Date.now() - began) / 1000).toFixed(0)} s)`)
  }
  log('recounting the running speaker totals…')
  db.transaction(() => {
    db.exec('DELETE FROM speaker_quotes; DELETE FROM speaker_outlets; DELETE FROM speaker_stats;')
    db.exec(
      'INSERT INTO speaker_quotes (speaker_key, quote_key, appearances) ' +
        'SELECT speaker_key, quote_key, count(*) FROM statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key, quote_key; ' +
        'INSERT INTO speaker_outlets (speaker_key, outlet, appearances) SELECT speaker_key, outlet, count(*) FROM statements ' +
        'WHERE speaker_key IS NOT NULL AND outlet IS NOT NULL GROUP BY speaker_key, outlet; ' +
        'INSERT INTO speaker_stats (speaker_key, statements, appearances, documents, outlets, first, last) ' +
        'SELECT speaker_key, count(DISTINCT quote_key), count(*), count(DISTINCT doc_id), count(DISTINCT outlet), min(published), max(published) ' +
        'FROM statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key;',
    )
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}
