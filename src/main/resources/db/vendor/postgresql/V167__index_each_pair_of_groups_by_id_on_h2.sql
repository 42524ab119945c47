-- H2's V167 indexes each pair of status, area and category by id. PostgreSQL reads such a deep page by
-- joining the two columns' own indexes on id as it goes (a merge join H2 does not have), so nothing
-- changes here, and both databases stay at the same schema version.
SELECT 1;
