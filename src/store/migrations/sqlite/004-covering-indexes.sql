-- Indexes that answer the views over a period from the index alone, without a row lookup per
-- statement: speakers over a date range (count of distinct quotes, documents, outlets), and
-- techniques per speaker or per outlet, over all time or a date range. Measured on 1,000,000
-- synthetic articles (bench/corpus-search.mjs): a year of technique counts per speaker went from
-- seconds of row lookups to an index range scan.

DROP INDEX statements_published;
CREATE INDEX statements_published ON statements (published, speaker_key, outlet, quote_key, doc_id);

DROP INDEX techniques_speaker;
CREATE INDEX techniques_speaker ON techniques (speaker_key, technique, quote_key, doc_id, published)
  WHERE speaker_key IS NOT NULL;
DROP INDEX techniques_outlet;
CREATE INDEX techniques_outlet ON techniques (outlet, technique, doc_id, published) WHERE statement_id IS NULL;
CREATE INDEX techniques_published ON techniques (published, speaker_key, outlet, technique, quote_key, doc_id, statement_id);
