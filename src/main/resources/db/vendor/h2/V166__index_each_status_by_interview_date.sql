-- PostgreSQL's V166 indexes each status by interview date, as H2's V165 already does here (H2 has no
-- partial indexes), so nothing changes, and both databases stay at the same schema version.
SELECT 1;
