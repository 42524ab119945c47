-- Sector comments waiting to be released: one row per recorded interview, even one with no such
-- comments, so the count says only that interviews happened, which the interview table shows anyway.
-- Each row is the interview's comments padded to a fixed size and sealed with AES-GCM under a key
-- kept outside the database (sectormap.anonymity.pool-key or the data folder's key file), so the
-- database alone cannot read them. The key is random and there is no interview, organisation or
-- time column: nothing ties a row to the interview that added it.
CREATE TABLE comment_pool (
    id     VARCHAR(36) PRIMARY KEY,
    sealed BYTEA       NOT NULL
);
