-- PostgreSQL's V147 keeps each record's words in name order for free-text search. H2 searches
-- through its Lucene index (see SearchIndex), kept beside the database: nothing changes here, and
-- both databases stay at the same schema version.
SELECT 1;
