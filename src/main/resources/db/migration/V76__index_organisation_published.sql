-- The directory feed pages through published organisations in id order; this index serves its count and its pages.
CREATE INDEX organisation_published ON organisation (publish, status, id);
