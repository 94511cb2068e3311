-- Check-worthy claims (the analysis's `claims` layer), one row per claim, so a fact-checker can ask the
-- corpus for the most check-worthy claims about a subject over a period, by speaker or outlet. Like
-- techniques (003), each row carries the voice that makes the claim: the statement whose content it
-- is (with its speaker and quote key), or none for the outlet's own voice; outlet and date are copied
-- from the document so every filter reads this table alone. `span_start`/`span_end`, not start/end:
-- END is reserved in PostgreSQL. `text` is the claim's surface string (SQL never slices text).

CREATE TABLE claims (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents (id),
  claim_id        TEXT NOT NULL,
  span_start      INTEGER NOT NULL,
  span_end        INTEGER NOT NULL,
  text            TEXT NOT NULL,
  checkworthiness REAL NOT NULL,
  statement_id    INTEGER REFERENCES statements (id),
  speaker_key     TEXT,
  quote_key       TEXT,
  outlet          TEXT,
  published       TEXT,
  UNIQUE (doc_id, claim_id)
);
-- "Most check-worthy first, ties newest first", read in index order overall (and from a minimum
-- score down), and within one outlet or one speaker; a date range reads its days from
-- claims_published and sorts those. Ascending indexes read backwards: score and date descending with
-- NULL dates last and the rowid descending, exactly the query's order (a DESC index keeps its rowids
-- ascending, and SQLite then sorts every tie).
CREATE INDEX claims_rank ON claims (checkworthiness, published);
CREATE INDEX claims_outlet ON claims (outlet, checkworthiness, published);
CREATE INDEX claims_speaker ON claims (speaker_key, checkworthiness, published);
CREATE INDEX claims_published ON claims (published, checkworthiness);

-- Text queries need their own index: an attributed claim's text is its statement's content (already in
-- statements_fts), but half the claims are sentences in the outlet's own voice, which only
-- documents_fts holds, and that matches whole documents, not sentences. Contentless like
-- statements_fts (the text is kept once, in `claims`); the rowid is the claim's id.
CREATE VIRTUAL TABLE claims_fts USING fts5 (
  text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Backfill from the analyses already stored. SQLite's substr counts code points, which equals the
-- UTF-16 offsets the analysis uses for text without astral characters.
INSERT INTO claims (doc_id, claim_id, span_start, span_end, text, checkworthiness, statement_id,
                    speaker_key, quote_key, outlet, published)
  SELECT d.id, json_extract(c.value, '$.id'), json_extract(c.value, '$.start'), json_extract(c.value, '$.end'),
         substr(d.text, json_extract(c.value, '$.start') + 1, json_extract(c.value, '$.end') - json_extract(c.value, '$.start')),
         json_extract(c.value, '$.checkworthiness'), s.id, s.speaker_key, s.quote_key, d.outlet, d.published
  FROM documents d, json_each(d.analysis, '$.claims') c
  LEFT JOIN statements s ON s.doc_id = d.id AND s.attribution = json_extract(c.value, '$.attribution');
INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims;
