-- As V172 for an area: a category's name index holds the other filter columns, so a deep page by name
-- within a category and filters no index holds in name order is read from the index alone.
-- H2 has no INCLUDE: its V173 changes nothing.
DROP INDEX organisation_category_name;
CREATE INDEX organisation_category_name ON organisation (category, name_sort, id)
    INCLUDE (area, status, full_interview, follow_up, cyp_board, well_informed);
