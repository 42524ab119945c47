-- The list sorted by outreach status read and sorted every match; (status, id) is that order.
CREATE INDEX organisation_status_order ON organisation (status, id);
