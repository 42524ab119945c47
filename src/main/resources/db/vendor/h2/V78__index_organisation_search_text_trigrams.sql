-- H2 has no trigram index: this version exists on H2 too, and changes nothing, so that both
-- databases stand at the same schema version and a backup moves between them (PostgreSQL's V78
-- indexes search_text by trigrams).
SELECT 1;
