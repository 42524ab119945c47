-- The retention page's order, longest kept first: those never contacted (an empty day), then by
-- day; and its count, of those naming a contact person, from the index alone.
CREATE INDEX organisation_last_contact_idx ON organisation_last_contact (named, last_contact, organisation_id);
