-- The audit trail (留痕) of one cell is read from the log by jsonb containment on the changes a
-- version recorded; a GIN index keeps that lookup fast on long histories.
create index doc_event_payload_changes on doc_event using gin ((payload -> 'changes') jsonb_path_ops);
create index doc_event_payload_texts on doc_event using gin ((payload -> 'texts') jsonb_path_ops);

-- Approved versions are looked up by type.
create index doc_event_type on doc_event (document_id, type);
