-- A deep page by name within an area and a filter no index holds in name order (a box not ticked, the
-- unclassified, a status and a box) walked no index: PostgreSQL read every record in parallel, kept the
-- matches and sorted them (the middle of Derby city's not keen for follow-up, 243 to 251 ms at a
-- million). Holding the other filter columns beside each entry of the area's name index, it walks the
-- area's entries in name order and tests the filters in the index alone (7 ms), as V171 does by date.
-- H2 has no INCLUDE: its V172 changes nothing.
DROP INDEX organisation_area_name;
CREATE INDEX organisation_area_name ON organisation (area, name_sort, id)
    INCLUDE (category, status, full_interview, follow_up, cyp_board, well_informed);
