-- PostgreSQL's V175 keeps each record's groups beside the words of its search text, which H2 does
-- not keep (its search index answers instead): nothing changes here, and both databases stay at the
-- same schema version.
SELECT 1;
