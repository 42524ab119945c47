-- Each tick box's records by name after the box, ticked and not, so that a deep page within a box is
-- positioned from the index's tree (IndexPositions) and read on in order, as a status's is: H2 has no
-- partial index like PostgreSQL's V160, and its search index answers only to 50,000 records deep, so
-- below that H2 stepped along the name index fetching each row for its tick (13.4 s for page 4,000 of
-- a million's 200,000 keen for follow-up). Each insert now writes four more index entries.
CREATE INDEX organisation_full_interview_name ON organisation (full_interview, name_sort, id);
CREATE INDEX organisation_follow_up_name ON organisation (follow_up, name_sort, id);
CREATE INDEX organisation_cyp_board_name ON organisation (cyp_board, name_sort, id);
CREATE INDEX organisation_well_informed_name ON organisation (well_informed, name_sort, id);
