-- The duplicate finder asks the match keys only for equality (= and IN), never for an order or a
-- range, and an ICU or libc language collation finds the same values equal as "C" does (it is
-- deterministic: ties are broken byte by byte). But each key's index compared every new key by the
-- language's rules, about twenty comparisons for each of the five indexes as a row is added, which an
-- import of a million rows pays a hundred million times. "C" compares bytes. Changing only the
-- collation rewrites no rows; the five indexes are built again.
ALTER TABLE organisation ALTER COLUMN name_key TYPE VARCHAR(300) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN email_key TYPE VARCHAR(320) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN website_key TYPE VARCHAR(500) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN phone_key TYPE VARCHAR(40) COLLATE "C";
ALTER TABLE organisation ALTER COLUMN postcode_key TYPE VARCHAR(10) COLLATE "C";
