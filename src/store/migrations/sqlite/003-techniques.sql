-- Persuasion techniques (issue 7), one row per span, tied to the voice that uses it: the statement
-- whose content holds the span (and its speaker), or none for the outlet's own voice. Speaker, quote,
-- outlet and date are copied from the statement and document so the per-speaker and per-outlet views
-- read one covering index. Backfilled from the analyses already stored.

CREATE TABLE techniques (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL REFERENCES documents (id),
  technique_id  TEXT NOT NULL,
  technique     TEXT NOT NULL,
  span_start    INTEGER NOT NULL,
  span_end      INTEGER NOT NULL,
  score         REAL NOT NULL,
  span          TEXT NOT NULL,
  statement_id  INTEGER REFERENCES statements (id),
  speaker_key   TEXT,
  quote_key     TEXT,
  outlet        TEXT,
  published     TEXT,
  UNIQUE (doc_id, technique_id)
);
CREATE INDEX techniques_speaker ON techniques (speaker_key, technique, quote_key) WHERE speaker_key IS NOT NULL;
CREATE INDEX techniques_outlet ON techniques (outlet, technique, doc_id) WHERE statement_id IS NULL;

-- Stored analyses keep their techniques in the analysis JSON; SQLite's substr counts code points,
-- which equals the UTF-16 offsets the analysis uses for text without astral characters.
INSERT INTO techniques (doc_id, technique_id, technique, span_start, span_end, score, span, statement_id,
                        speaker_key, quote_key, outlet, published)
  SELECT d.id, json_extract(t.value, '$.id'), json_extract(t.value, '$.technique'),
         json_extract(t.value, '$.start'), json_extract(t.value, '$.end'), json_extract(t.value, '$.score'),
         substr(d.text, json_extract(t.value, '$.start') + 1, json_extract(t.value, '$.end') - json_extract(t.value, '$.start')),
         s.id, s.speaker_key, s.quote_key, d.outlet, d.published
  FROM documents d, json_each(d.analysis, '$.techniques') t
  LEFT JOIN statements s ON s.doc_id = d.id AND s.attribution = json_extract(t.value, '$.attribution');
