-- H2's V165 indexes each status by interview date. PostgreSQL reads a deep page of the interviewed by
-- interview date from the marks (OrderMarks), so nothing changes here, and both databases stay at the
-- same schema version.
SELECT 1;
