-- The list sorted by area, or filtered by area alone, read every record: (area, id) serves both.
CREATE INDEX organisation_area_order ON organisation (area, id);
