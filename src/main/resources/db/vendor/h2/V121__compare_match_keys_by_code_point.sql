-- H2 already compares text by code point: this version changes nothing here, and keeps both
-- databases at the same schema version (PostgreSQL's V121 gives the match keys the "C" collation).
SELECT 1;
