-- PostgreSQL's V157 changes how its V147 trigger deletes records' words. H2 keeps no words (its
-- search index is Lucene's, see SearchIndex): nothing changes here, and both databases stay at the
-- same schema version.
SELECT 1;
