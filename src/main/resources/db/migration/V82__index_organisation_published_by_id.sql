-- The published records in id order: a page of the feed ordered by (publish, id) reads its rows
-- from here already sorted, on H2 as on PostgreSQL; the status is checked on each row read.
CREATE INDEX organisation_published_by_id ON organisation (publish, id);
