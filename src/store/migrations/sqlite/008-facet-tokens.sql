-- Facet tokens (src/search/facet-tokens.ts): each statement's and document's outlet, date and speaker
-- written as words into a third column of its text index, so that a text query with those filters is
-- answered by FTS5 intersecting posting lists. Before, each text match was probed against the set of
-- ids the filters select: on 1,000,000 synthetic articles, "economy" in one outlet over six years read
-- 115,140 matches to keep a few hundred.
--
-- Outlets and speaker keys get small integer ids here, so the tokens are short and made in SQL alike
-- by this migration and by the store's writes (`o7`, `o7y2018`, `y2018`, `m201803`, `s12`).
CREATE TABLE facet_ids (
  id     INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL CHECK (kind IN ('outlet', 'speaker')),
  value  TEXT NOT NULL,
  UNIQUE (kind, value)
);
INSERT INTO facet_ids (kind, value)
  SELECT DISTINCT 'outlet', outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet;
INSERT INTO facet_ids (kind, value)
  SELECT DISTINCT 'speaker', speaker_key FROM statements WHERE speaker_key IS NOT NULL ORDER BY speaker_key;

-- An FTS5 table cannot gain a column: both are made again and refilled from the rows, which keep the
-- text (the indexes are contentless). This re-reads every stored text once: minutes on a large store.
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (
  content, speaker, facets, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO statements_fts (rowid, content, speaker, facets)
  SELECT s.id, s.content, coalesce(s.speaker_name, s.source, ''),
    concat_ws(' ',
      'o' || o.id,
      CASE WHEN s.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN 'o' || o.id || 'y' || substr(s.published, 1, 4) END,
      CASE WHEN s.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN
        'y' || substr(s.published, 1, 4) || ' m' || substr(s.published, 1, 4) || substr(s.published, 6, 2) END,
      's' || k.id)
  FROM statements s
  LEFT JOIN facet_ids o ON o.kind = 'outlet' AND o.value = s.outlet
  LEFT JOIN facet_ids k ON k.kind = 'speaker' AND k.value = s.speaker_key
  ORDER BY s.id;

DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text, facets, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (rowid, title, text, facets)
  SELECT d.id, coalesce(d.title, ''), d.text,
    concat_ws(' ',
      'o' || o.id,
      CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN 'o' || o.id || 'y' || substr(d.published, 1, 4) END,
      CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN
        'y' || substr(d.published, 1, 4) || ' m' || substr(d.published, 1, 4) || substr(d.published, 6, 2) END)
  FROM documents d
  LEFT JOIN facet_ids o ON o.kind = 'outlet' AND o.value = d.outlet
  ORDER BY d.id;
