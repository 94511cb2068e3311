-- An entity filter alone shows the newest statements (or documents) about the entity. Found through the
-- entity tables, each one then cost a lookup of its row for the date, and all of them a sort. With the
-- date copied beside the key (as statements copy their document's), the newest are one range of one
-- index, read in order and cut at the window (DESC: the order the window reads, NULLs first as in
-- `ORDER BY published DESC`).
ALTER TABLE statement_entities ADD COLUMN published text;
UPDATE statement_entities e SET published = s.published FROM statements s WHERE s.id = e.statement_id;
CREATE INDEX statement_entities_newest ON statement_entities (entity_key, published DESC, statement_id DESC);

ALTER TABLE document_entities ADD COLUMN published text;
UPDATE document_entities e SET published = d.published FROM documents d WHERE d.id = e.doc_id;
CREATE INDEX document_entities_newest ON document_entities (entity_key, published DESC, doc_id DESC);
