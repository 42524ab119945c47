-- The forms of name, email, website, phone and postcode under which duplicates are found
-- (organisation.MatchKeys). Folding accents and words is beyond portable SQL, so the app writes
-- them with every save, and V62 (a Java migration using the same code) fills them for older rows.
ALTER TABLE organisation ADD COLUMN name_key VARCHAR(300);
ALTER TABLE organisation ADD COLUMN email_key VARCHAR(320);
ALTER TABLE organisation ADD COLUMN website_key VARCHAR(500);
ALTER TABLE organisation ADD COLUMN phone_key VARCHAR(40);
ALTER TABLE organisation ADD COLUMN postcode_key VARCHAR(10);
