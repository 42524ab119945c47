-- Appendix 1 lists each area's interviewed organisations by name with their category. V91's index gives
-- the order, but H2 then read every listed record's whole row from the table: 7 s of the 600,000
-- interviewed of a million, about 40,000 rows a second for the CSV. Holding the name and category too,
-- the index answers the list alone (1 to 2 s). H2 only: PostgreSQL read the CSV at 70,000 to 100,000
-- rows a second through V91's index, and could refuse an entry of three long non-Latin texts past its
-- index entry limit.
CREATE INDEX organisation_appendix ON organisation (status, area, name_sort, id, name, category);
