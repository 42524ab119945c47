-- Who gave us this organisation's details (the snowball sample); a referral is forgotten, not the
-- organisation, when the one who made it is deleted.
ALTER TABLE organisation ADD COLUMN referred_by_id BIGINT;
ALTER TABLE organisation ADD CONSTRAINT organisation_referred_by_fk
    FOREIGN KEY (referred_by_id) REFERENCES organisation (id) ON DELETE SET NULL;
CREATE INDEX organisation_referred_by_idx ON organisation (referred_by_id);
