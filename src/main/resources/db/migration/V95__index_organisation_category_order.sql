-- The list sorted by category read and sorted every match; in (category, id) order a page is read
-- from the index already sorted, in either direction, and "not yet classified" (a null) is looked up.
CREATE INDEX organisation_category_order ON organisation (category, id);
