-- Persuasion techniques (issue 7), one row per span, tied to the voice that uses it: the statement
-- whose content holds the span (and its speaker), or none for the outlet's own voice. Speaker, quote,
-- outlet and date are copied from the statement and document so the per-speaker and per-outlet views
-- read one index. Backfilled from the analyses already stored.

CREATE TABLE techniques (
  id            bigserial PRIMARY KEY,
  doc_id        bigint NOT NULL REFERENCES documents (id),
  technique_id  text NOT NULL,
  technique     text NOT NULL,
  span_start    integer NOT NULL,
  span_end      integer NOT NULL,
  score         real NOT NULL,
  span          text NOT NULL,
  statement_id  bigint REFERENCES statements (id),
  speaker_key   text,
  quote_key     text,
  outlet        text,
  published     text,
  UNIQUE (doc_id, technique_id)
);
CREATE INDEX techniques_speaker ON techniques (speaker_key, technique, quote_key) WHERE speaker_key IS NOT NULL;
CREATE INDEX techniques_outlet ON techniques (outlet, technique, doc_id) WHERE statement_id IS NULL;

-- substr counts code points, which equals the analysis's UTF-16 offsets for text without astral characters.
INSERT INTO techniques (doc_id, technique_id, technique, span_start, span_end, score, span, statement_id,
                        speaker_key, quote_key, outlet, published)
  SELECT d.id, t.value ->> 'id', t.value ->> 'technique', (t.value ->> 'start')::int, (t.value ->> 'end')::int,
         (t.value ->> 'score')::real,
         substr(d.text, (t.value ->> 'start')::int + 1, (t.value ->> 'end')::int - (t.value ->> 'start')::int),
         s.id, s.speaker_key, s.quote_key, d.outlet, d.published
  FROM documents d
  CROSS JOIN LATERAL jsonb_array_elements(coalesce(d.analysis::jsonb -> 'techniques', '[]'::jsonb)) AS t(value)
  LEFT JOIN statements s ON s.doc_id = d.id AND s.attribution = t.value ->> 'attribution';
