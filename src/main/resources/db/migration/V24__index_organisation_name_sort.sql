-- The list's default order; the index on name alone no longer serves any query.
CREATE INDEX organisation_name_sort_idx ON organisation (name_sort, id);
DROP INDEX organisation_name_idx;
