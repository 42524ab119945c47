-- PostgreSQL's V195 widens the marks of its V179, which H2 does not keep: nothing changes here, and
-- both databases stay at the same schema version.
SELECT 1;
