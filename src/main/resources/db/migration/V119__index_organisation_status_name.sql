-- The list filtered by outreach status, by name (who has been interviewed, in order) at any depth:
-- PostgreSQL read all 600,000 interviewed of a million through V91's index, which holds the area
-- before the name, and sorted them for page 12,000 (396 ms); walking this index skips to the page.
CREATE INDEX organisation_status_name ON organisation (status, name_sort, id);
