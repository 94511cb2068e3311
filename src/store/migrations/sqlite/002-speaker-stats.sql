-- Running totals per speaker, so `claimtrail speakers` without filters reads a ranked index instead of
-- aggregating every statement of the corpus. Kept up to date in the transaction that stores a
-- document; backfilled here from the statements already stored.

CREATE TABLE speaker_quotes (
  speaker_key   TEXT NOT NULL,
  quote_key     TEXT NOT NULL,
  appearances   INTEGER NOT NULL,
  PRIMARY KEY (speaker_key, quote_key)
) WITHOUT ROWID;

CREATE TABLE speaker_outlets (
  speaker_key   TEXT NOT NULL,
  outlet        TEXT NOT NULL,
  appearances   INTEGER NOT NULL,
  PRIMARY KEY (speaker_key, outlet)
) WITHOUT ROWID;

CREATE TABLE speaker_stats (
  speaker_key   TEXT PRIMARY KEY,
  statements    INTEGER NOT NULL,
  appearances   INTEGER NOT NULL,
  documents     INTEGER NOT NULL,
  outlets       INTEGER NOT NULL,
  first         TEXT,
  last          TEXT
) WITHOUT ROWID;
CREATE INDEX speaker_stats_rank ON speaker_stats (statements DESC, appearances DESC, speaker_key);

INSERT INTO speaker_quotes (speaker_key, quote_key, appearances)
  SELECT speaker_key, quote_key, count(*) FROM statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key, quote_key;
INSERT INTO speaker_outlets (speaker_key, outlet, appearances)
  SELECT speaker_key, outlet, count(*) FROM statements
  WHERE speaker_key IS NOT NULL AND outlet IS NOT NULL GROUP BY speaker_key, outlet;
INSERT INTO speaker_stats (speaker_key, statements, appearances, documents, outlets, first, last)
  SELECT speaker_key, count(DISTINCT quote_key), count(*), count(DISTINCT doc_id), count(DISTINCT outlet),
         min(published), max(published)
  FROM statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key;
