-- The retention page's order, longest kept first: those never contacted (empty), then by day.
CREATE INDEX organisation_last_contact_idx ON organisation (last_contact, id);
