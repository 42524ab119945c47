-- PostgreSQL's V179 marks positions among the entries of its commonest words, which H2 does not keep
-- (its search index finds a deep page itself): nothing changes here, and both databases stay at the
-- same schema version.
SELECT 1;
