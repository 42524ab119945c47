-- A page deep in the records holding a common word sorted by status, area or category (then by id)
-- counted the word's entries by the sorted column (155 to 230 ms for a word every record of a million
-- holds) and sorted the page's group's entries by id (147 to 230 ms): 382 ms for page 20,000 by status.
-- Each group of such a word is now counted and marked by id when the word is marked (V194, V195), and
-- each change since notes its entry's groups. An entry moved to other groups in place (V175) is noted
-- too, as a -1 in its old groups and a +1 in its new ones at its one key, which cancel in name order
-- and leave V179's marks where they were: noted as moved, they make a marking due only once many more
-- of them wait than of other changes (WordMarks), as a status changes more often than a text. The
-- changes noted so far lack their groups: the marks are dropped and every word is marked afresh at the
-- next marking.
DELETE FROM common_word_mark;
DELETE FROM common_word_change;
UPDATE common_word SET records = NULL, shown_records = NULL;

ALTER TABLE common_word_change ADD COLUMN category VARCHAR(40) COLLATE "C";
ALTER TABLE common_word_change ADD COLUMN area VARCHAR(100) COLLATE "C";
ALTER TABLE common_word_change ADD COLUMN status VARCHAR(20) COLLATE "C";
ALTER TABLE common_word_change ADD COLUMN moved BOOLEAN DEFAULT FALSE NOT NULL;

CREATE OR REPLACE FUNCTION common_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only, category, area, status)
    SELECT n.word, n.name_sort, n.organisation_id, 1, n.contact_only, n.category, n.area, n.status
    FROM new_entries n JOIN common_word c ON c.word = n.word;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION common_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only, category, area, status)
    SELECT o.word, o.name_sort, o.organisation_id, -1, o.contact_only, o.category, o.area, o.status
    FROM old_entries o JOIN common_word c ON c.word = o.word;
    RETURN NULL;
END
$$;

-- The entries' key does not change in place: an entry's old and new rows meet on it.
CREATE FUNCTION common_words_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH moved AS MATERIALIZED (
        SELECT o.word, o.name_sort, o.organisation_id, o.contact_only AS old_contact, o.category AS old_category,
            o.area AS old_area, o.status AS old_status, n.contact_only AS new_contact, n.category AS new_category,
            n.area AS new_area, n.status AS new_status
        FROM old_entries o
        JOIN new_entries n ON n.word = o.word AND n.name_sort = o.name_sort AND n.organisation_id = o.organisation_id
        JOIN common_word c ON c.word = o.word
        WHERE (o.category, o.area, o.status, o.contact_only) IS DISTINCT FROM (n.category, n.area, n.status, n.contact_only)
    )
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only, category, area, status,
        moved)
    SELECT word, name_sort, organisation_id, -1, old_contact, old_category, old_area, old_status, TRUE FROM moved
    UNION ALL
    SELECT word, name_sort, organisation_id, 1, new_contact, new_category, new_area, new_status, TRUE FROM moved;
    RETURN NULL;
END
$$;

CREATE TRIGGER common_words_regrouped AFTER UPDATE ON organisation_word
REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
FOR EACH STATEMENT EXECUTE FUNCTION common_words_regrouped();
