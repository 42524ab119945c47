-- Free-text search is search_text LIKE '%words%', which no B-tree can serve: on a register of a
-- million records every search read the whole table. A trigram index serves LIKE with a pattern of
-- three or more characters anywhere in the text. pg_trgm ships with PostgreSQL and is a trusted
-- extension (13 and later), so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX organisation_search_text_trgm ON organisation USING gin (search_text gin_trgm_ops);
