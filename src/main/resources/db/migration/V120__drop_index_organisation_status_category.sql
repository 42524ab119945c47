-- Counts by status and category come from the tally (V90), and without this index every list page is
-- still read through an index (ListPlanTests, on both databases); each index costs every import row
-- (the B-trees are three quarters of PostgreSQL's work in a COPY into organisation).
DROP INDEX organisation_status_category_idx;
