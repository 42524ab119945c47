-- Counts by status and category come from the tally (V90) and every list page filtered by both walks
-- an index of the sort's order; this index served neither, and each index costs every import row
-- (the B-trees are three quarters of PostgreSQL's work in a COPY into organisation).
DROP INDEX organisation_status_category_idx;
