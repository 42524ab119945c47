-- Each organisation's latest contact attempt (ties on a day go to the later entry), kept as attempts
-- are logged, in the same transaction: the morning list picks the 200 to call from it through an
-- index, where it worked out the latest attempt of every organisation still to settle on each visit
-- (five seconds at a million organisations). "arranged" says whether that attempt arranged a call
-- back or an interview, the list's first group. No key to contact_attempt: attempts go only with
-- their organisation, and a key would be looked up on each of those deletions.
CREATE TABLE contact_attempt_latest (
    organisation_id BIGINT      NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
    attempt_id      BIGINT      NOT NULL,
    attempted_on    DATE        NOT NULL,
    outcome         VARCHAR(30) NOT NULL,
    arranged        BOOLEAN     NOT NULL
);
