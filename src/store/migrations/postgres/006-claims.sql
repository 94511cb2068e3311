-- Check-worthy claims (the analysis's `claims` layer), one row per claim, so a fact-checker can ask the
-- corpus for the most check-worthy claims about a subject over a period, by speaker or outlet. Like
-- techniques (003), each row carries the voice that makes the claim: the statement whose content it
-- is (with its speaker and quote key), or none for the outlet's own voice; outlet and date are copied
-- from the document so every filter reads this table alone. `span_start`/`span_end`, not start/end:
-- END is reserved. `text` is the claim's surface string (SQL never slices text).
-- checkworthiness is double precision, not real: a real reads back as 0.9909999966 for 0.991, and
-- scores must compare (--min) and come back exactly as the analysis has them, as in SQLite.
-- Text queries need their own index: half the claims are sentences in the outlet's own voice, which no
-- statement's tsvector holds (documents.tsv matches whole documents, not sentences).

CREATE TABLE claims (
  id              bigserial PRIMARY KEY,
  doc_id          bigint NOT NULL REFERENCES documents (id),
  claim_id        text NOT NULL,
  span_start      integer NOT NULL,
  span_end        integer NOT NULL,
  text            text NOT NULL,
  checkworthiness double precision NOT NULL,
  statement_id    bigint REFERENCES statements (id),
  speaker_key     text,
  quote_key       text,
  outlet          text,
  published       text,
  tsv             tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  UNIQUE (doc_id, claim_id)
);
-- "Most check-worthy first, ties newest first" (undated last), read in index order overall (and from
-- a minimum score down), and within one outlet or one speaker; a date range reads its days from
-- claims_published and sorts those.
CREATE INDEX claims_rank ON claims (checkworthiness DESC, published DESC NULLS LAST, id DESC);
CREATE INDEX claims_outlet ON claims (outlet, checkworthiness DESC, published DESC NULLS LAST, id DESC);
CREATE INDEX claims_speaker ON claims (speaker_key, checkworthiness DESC, published DESC NULLS LAST, id DESC);
CREATE INDEX claims_published ON claims (published, checkworthiness);
CREATE INDEX claims_tsv ON claims USING gin (tsv);

-- Backfill from the analyses already stored. substr counts code points, which equals the analysis's
-- UTF-16 offsets for text without astral characters.
INSERT INTO claims (doc_id, claim_id, span_start, span_end, text, checkworthiness, statement_id,
                    speaker_key, quote_key, outlet, published)
  SELECT d.id, c.value ->> 'id', (c.value ->> 'start')::int, (c.value ->> 'end')::int,
         substr(d.text, (c.value ->> 'start')::int + 1, (c.value ->> 'end')::int - (c.value ->> 'start')::int),
         (c.value ->> 'checkworthiness')::double precision, s.id, s.speaker_key, s.quote_key, d.outlet, d.published
  FROM documents d
  CROSS JOIN LATERAL jsonb_array_elements(coalesce(d.analysis::jsonb -> 'claims', '[]'::jsonb)) AS c(value)
  LEFT JOIN statements s ON s.doc_id = d.id AND s.attribution = c.value ->> 'attribution';
