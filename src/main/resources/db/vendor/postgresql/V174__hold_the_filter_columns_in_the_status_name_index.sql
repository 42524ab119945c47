-- As V172 for an area: a status's name index holds the other filter columns, so a deep page by name
-- within a status and filters no index holds in name order is read from the index alone.
-- H2 has no INCLUDE: its V174 changes nothing.
DROP INDEX organisation_status_name;
CREATE INDEX organisation_status_name ON organisation (status, name_sort, id)
    INCLUDE (category, area, full_interview, follow_up, cyp_board, well_informed);
