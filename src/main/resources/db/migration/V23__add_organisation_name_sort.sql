-- Names sort ignoring case everywhere. H2 cannot index LOWER(name), so the folded name is stored
-- beside it (the app writes it with every save) and indexed, and the list's first page stays an
-- index read however large the register.
ALTER TABLE organisation ADD COLUMN name_sort VARCHAR(300);
UPDATE organisation SET name_sort = LOWER(name);
ALTER TABLE organisation ALTER COLUMN name_sort SET NOT NULL;
