-- The day of the last contact with each organisation: the latest of its contact attempts' and
-- interviews' dates and the entries on its History (a change to its record or to a part of it).
-- The retention page lists contact people by it through V153's index, where it worked it out from
-- those three for every organisation naming a contact person at each visit: 29 seconds at a million
-- with a research record. Empty for a record with none of them.
ALTER TABLE organisation ADD COLUMN last_contact DATE;
