-- PostgreSQL's V173 holds the other filter columns beside a name index's entries (INCLUDE), which
-- H2 has not: nothing changes here, and both databases stay at the same schema version.
SELECT 1;
