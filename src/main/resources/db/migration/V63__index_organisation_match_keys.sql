-- Duplicates are looked up by key, in batches from an import and pair by pair on the duplicates
-- page: each key needs its own index, with id so pairs come out in order without a sort.
CREATE INDEX organisation_name_key_idx ON organisation (name_key, id);
CREATE INDEX organisation_email_key_idx ON organisation (email_key, id);
CREATE INDEX organisation_website_key_idx ON organisation (website_key, id);
CREATE INDEX organisation_phone_key_idx ON organisation (phone_key, id);
CREATE INDEX organisation_postcode_key_idx ON organisation (postcode_key, id);
