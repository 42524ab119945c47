-- The day of the last contact with each organisation: the latest of its contact attempts' and
-- interviews' days and the entries on its History (a change to its record or to a part of it),
-- empty for a record with none of them; and whether it names a contact person. The retention page
-- lists contact people by it through V153's index, where it worked the day out from those three
-- for every organisation naming a contact person at each visit: 29 seconds at a million with a
-- research record. A table of its own rather than a column of organisation's: moving a day on
-- writes one narrow row, not a row of organisation and an entry in each of its nineteen indexes
-- (filling such a column had not finished after five minutes at a million on PostgreSQL).
CREATE TABLE organisation_last_contact (
    organisation_id BIGINT  NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
    named           BOOLEAN NOT NULL,
    last_contact    DATE
);
