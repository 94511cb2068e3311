-- The corpus: documents, the statements attributed in them, the entities they mention, and the
-- LSH band keys that find wire copies. Text search runs on FTS5 tables kept in step by the store
-- (inside the same transaction as the rows they index).

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  hash          TEXT NOT NULL UNIQUE,
  external_id   TEXT,
  title         TEXT,
  url           TEXT,
  outlet        TEXT,
  byline        TEXT,
  published     TEXT,
  language      TEXT,
  text          TEXT NOT NULL,
  analysis      TEXT NOT NULL,
  signature     BLOB NOT NULL,
  source        TEXT,
  near_dup_of   INTEGER REFERENCES documents (id),
  similarity    REAL,
  statements    INTEGER NOT NULL DEFAULT 0,
  stored_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX documents_outlet ON documents (outlet, published);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_near_dup ON documents (near_dup_of) WHERE near_dup_of IS NOT NULL;

CREATE TABLE statements (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL REFERENCES documents (id),
  ord           INTEGER NOT NULL,
  attribution   TEXT NOT NULL,
  mode          TEXT NOT NULL,
  speaker_key   TEXT,
  speaker_name  TEXT,
  speaker_type  TEXT,
  source        TEXT,
  cue           TEXT,
  content       TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end   INTEGER NOT NULL,
  parent        TEXT,
  quote_key     TEXT NOT NULL,
  -- Copied from the document so filters and facets need no join.
  outlet        TEXT,
  published     TEXT,
  near_dup_of   INTEGER,
  UNIQUE (doc_id, ord)
);
CREATE INDEX statements_speaker ON statements (speaker_key, published);
CREATE INDEX statements_outlet ON statements (outlet, published);
CREATE INDEX statements_published ON statements (published);

CREATE TABLE statement_entities (
  statement_id  INTEGER NOT NULL REFERENCES statements (id),
  entity_key    TEXT NOT NULL,
  PRIMARY KEY (entity_key, statement_id)
) WITHOUT ROWID;

CREATE TABLE document_entities (
  doc_id        INTEGER NOT NULL REFERENCES documents (id),
  entity_key    TEXT NOT NULL,
  name          TEXT NOT NULL,
  type          TEXT NOT NULL,
  surname       TEXT,
  mentions      INTEGER NOT NULL,
  PRIMARY KEY (entity_key, doc_id)
) WITHOUT ROWID;
CREATE INDEX document_entities_doc ON document_entities (doc_id);
CREATE INDEX document_entities_surname ON document_entities (surname) WHERE surname IS NOT NULL;

-- How often each speaker key appears under each name: the display name and the variants list.
CREATE TABLE speaker_names (
  speaker_key   TEXT NOT NULL,
  name          TEXT NOT NULL,
  surname       TEXT,
  count         INTEGER NOT NULL,
  PRIMARY KEY (speaker_key, name)
) WITHOUT ROWID;
CREATE INDEX speaker_names_surname ON speaker_names (surname);

CREATE TABLE document_bands (
  band_key      INTEGER NOT NULL,
  doc_id        INTEGER NOT NULL REFERENCES documents (id),
  PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
  content, speaker, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);
