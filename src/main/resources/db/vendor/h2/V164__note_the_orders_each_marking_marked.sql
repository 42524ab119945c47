-- PostgreSQL's V164 notes the orders each marking of V159 marked. H2 keeps no marks, so nothing
-- changes here, and both databases stay at the same schema version.
SELECT 1;
