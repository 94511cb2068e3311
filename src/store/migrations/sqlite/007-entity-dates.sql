-- An entity filter alone shows the newest statements (or documents) about the entity. Found through the
-- entity tables, each one then cost a lookup of its row for the date, and all of them a sort: on
-- 1,000,000 synthetic articles, the 27,710 statements about Microsoft took ~26 ms before the window was
-- even read. With the date copied beside the key (as statements copy their document's), the newest are
-- one range of one index, read in order and cut at the window.
ALTER TABLE statement_entities ADD COLUMN published TEXT;
UPDATE statement_entities SET published = (SELECT published FROM statements WHERE id = statement_id);
CREATE INDEX statement_entities_newest ON statement_entities (entity_key, published, statement_id);

ALTER TABLE document_entities ADD COLUMN published TEXT;
UPDATE document_entities SET published = (SELECT published FROM documents WHERE id = doc_id);
CREATE INDEX document_entities_newest ON document_entities (entity_key, published, doc_id);
