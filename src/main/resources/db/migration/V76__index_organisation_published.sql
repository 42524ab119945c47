-- The directory feed pages through published organisations by name; this index serves its count and its pages.
CREATE INDEX organisation_published ON organisation (publish, status, name_sort, id);
