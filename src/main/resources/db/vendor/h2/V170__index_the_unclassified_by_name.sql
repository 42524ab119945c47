-- PostgreSQL's V170 indexes the unclassified by name (a partial index, which H2 has not). H2 holds
-- them under no category in its category's index by name: nothing changes here, and both databases
-- stay at the same schema version.
SELECT 1;
