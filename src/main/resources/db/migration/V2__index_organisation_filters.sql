-- The list filters and every summary report group by these columns; name is the default sort.
CREATE INDEX organisation_name_idx ON organisation (name, id);
CREATE INDEX organisation_status_category_idx ON organisation (status, category);
CREATE INDEX organisation_status_area_idx ON organisation (status, area);
