-- PostgreSQL's V148 bounds what its trigram indexes keep unmerged. H2 has no trigram index (its
-- search index is Lucene's, see SearchIndex): nothing changes here, and both databases stay at the
-- same schema version.
SELECT 1;
