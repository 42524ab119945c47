-- One area's records in name order, read a page at a time: at a million, PostgreSQL read one area's first
-- page by name descending by walking the whole name index (10 s; names often begin with their town).
CREATE INDEX organisation_area_name ON organisation (area, name_sort, id);
