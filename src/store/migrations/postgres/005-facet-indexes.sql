-- Narrow copies of the columns a search filters and counts facets on, keyed by id: a text search reads
-- its matches from the text index and checks each against these (SQLite: `INDEXED BY`), instead of
-- reading the whole row (a statement's content, a document's text and analysis). On 1,000,000
-- synthetic articles the row lookups were most of the cost of a text query with filters.

CREATE INDEX statements_facets ON statements (id, speaker_key, outlet, published, mode);
CREATE INDEX documents_facets ON documents (id, outlet, published);
