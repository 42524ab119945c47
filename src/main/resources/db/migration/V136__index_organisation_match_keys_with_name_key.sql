-- The duplicates page reads each record's next 50 records sharing a key from the key's index, and
-- needs only their ids and name keys to tell the few that may be a pair: with the name key in the
-- index, H2 reads no row of the table for the rest (a phone number shared by a thousand records
-- cost 100,000 rows a page at a million organisations). The name key's own index holds it already.
DROP INDEX organisation_email_key_idx;
CREATE INDEX organisation_email_key_idx ON organisation (email_key, id, name_key);
DROP INDEX organisation_website_key_idx;
CREATE INDEX organisation_website_key_idx ON organisation (website_key, id, name_key);
DROP INDEX organisation_phone_key_idx;
CREATE INDEX organisation_phone_key_idx ON organisation (phone_key, id, name_key);
DROP INDEX organisation_postcode_key_idx;
CREATE INDEX organisation_postcode_key_idx ON organisation (postcode_key, id, name_key);
