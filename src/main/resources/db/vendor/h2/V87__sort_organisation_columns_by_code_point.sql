-- H2 already compares text by code point: this version changes nothing here, and keeps both
-- databases at the same schema version (PostgreSQL's V87 gives its sort columns the "C" collation).
SELECT 1;
