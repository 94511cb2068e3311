-- The corpus: documents, the statements attributed in them, the entities they mention, and the
-- LSH band keys that find wire copies. Text search runs on stored tsvector columns with GIN indexes.
-- Dates are ISO text (YYYY-MM-DD), as in the SQLite store: they sort and compare as dates.

CREATE TABLE documents (
  id            bigserial PRIMARY KEY,
  hash          text NOT NULL UNIQUE,
  external_id   text,
  title         text,
  url           text,
  outlet        text,
  byline        text,
  published     text,
  language      text,
  text          text NOT NULL,
  analysis      text NOT NULL,
  signature     bytea NOT NULL,
  source        text,
  near_dup_of   bigint REFERENCES documents (id),
  similarity    real,
  statements    integer NOT NULL DEFAULT 0,
  stored_at     timestamptz NOT NULL DEFAULT now(),
  tsv           tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
                ) STORED
);
CREATE INDEX documents_outlet ON documents (outlet, published);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_near_dup ON documents (near_dup_of) WHERE near_dup_of IS NOT NULL;
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE statements (
  id            bigserial PRIMARY KEY,
  doc_id        bigint NOT NULL REFERENCES documents (id),
  ord           integer NOT NULL,
  attribution   text NOT NULL,
  mode          text NOT NULL,
  speaker_key   text,
  speaker_name  text,
  speaker_type  text,
  source        text,
  cue           text,
  content       text NOT NULL,
  content_start integer NOT NULL,
  content_end   integer NOT NULL,
  parent        text,
  quote_key     text NOT NULL,
  outlet        text,
  published     text,
  near_dup_of   bigint,
  tsv           tsvector GENERATED ALWAYS AS (
                  to_tsvector('english', content) || setweight(to_tsvector('english', coalesce(speaker_name, source, '')), 'D')
                ) STORED,
  UNIQUE (doc_id, ord)
);
CREATE INDEX statements_speaker ON statements (speaker_key, published);
CREATE INDEX statements_outlet ON statements (outlet, published);
CREATE INDEX statements_published ON statements (published);
CREATE INDEX statements_tsv ON statements USING gin (tsv);

CREATE TABLE statement_entities (
  statement_id  bigint NOT NULL REFERENCES statements (id),
  entity_key    text NOT NULL,
  PRIMARY KEY (entity_key, statement_id)
);

CREATE TABLE document_entities (
  doc_id        bigint NOT NULL REFERENCES documents (id),
  entity_key    text NOT NULL,
  name          text NOT NULL,
  type          text NOT NULL,
  surname       text,
  mentions      integer NOT NULL,
  PRIMARY KEY (entity_key, doc_id)
);
CREATE INDEX document_entities_doc ON document_entities (doc_id);
CREATE INDEX document_entities_surname ON document_entities (surname) WHERE surname IS NOT NULL;

CREATE TABLE speaker_names (
  speaker_key   text NOT NULL,
  name          text NOT NULL,
  surname       text,
  count         integer NOT NULL,
  PRIMARY KEY (speaker_key, name)
);
CREATE INDEX speaker_names_surname ON speaker_names (surname);

CREATE TABLE document_bands (
  band_key      bigint NOT NULL,
  doc_id        bigint NOT NULL REFERENCES documents (id),
  PRIMARY KEY (band_key, doc_id)
);
