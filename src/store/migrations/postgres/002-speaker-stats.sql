-- Running totals per speaker, so `claimtrail speakers` without filters reads a ranked index instead of
-- aggregating every statement of the corpus. Kept up to date in the transaction that stores a
-- document; backfilled here from the statements already stored.

CREATE TABLE speaker_quotes (
  speaker_key   text NOT NULL,
  quote_key     text NOT NULL,
  appearances   integer NOT NULL,
  PRIMARY KEY (speaker_key, quote_key)
);

CREATE TABLE speaker_outlets (
  speaker_key   text NOT NULL,
  outlet        text NOT NULL,
  appearances   integer NOT NULL,
  PRIMARY KEY (speaker_key, outlet)
);

CREATE TABLE speaker_stats (
  speaker_key   text PRIMARY KEY,
  statements    integer NOT NULL,
  appearances   integer NOT NULL,
  documents     integer NOT NULL,
  outlets       integer NOT NULL,
  first         text,
  last          text
);
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
