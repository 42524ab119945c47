-- The list sorts by name_sort, area, category and status. H2 compares text code point by code
-- point; a PostgreSQL database created with a language's collation (en_GB.UTF-8, or ICU's en-GB)
-- passes over punctuation and spaces at first, so the same register was listed in another order
-- (SearchEquivalenceTests, on such a database). The "C" collation on these columns orders them as
-- H2 does whatever the database's default. The view over two of them is made again around the change.
DROP VIEW organisation_contact;
ALTER TABLE organisation ALTER COLUMN name_sort TYPE VARCHAR(300) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN area TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN category TYPE VARCHAR(40) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN status TYPE VARCHAR(20) COLLATE "C";
CREATE VIEW organisation_contact AS
    SELECT id, name, name_sort, status, phone, email, contact_name, follow_up FROM organisation;
