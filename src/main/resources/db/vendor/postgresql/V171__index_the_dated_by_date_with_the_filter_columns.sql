-- A deep page sorted by interview date within a filter reads one date's matches by id (V169), and
-- fetched each of that date's records from the table to test the filter: 55 to 115 ms at a million,
-- whose 21 interview dates hold 28,000 records each. Holding the filter's columns beside each dated
-- record's date and id, the index answers which of them match without the table (an index-only scan
-- of pages autovacuum has marked all-visible). H2 has no INCLUDE: its V171 changes nothing.
CREATE INDEX organisation_dated_filters ON organisation (interview_date, id)
    INCLUDE (category, area, status, full_interview, follow_up, cyp_board, well_informed)
    WHERE interview_date IS NOT NULL;
