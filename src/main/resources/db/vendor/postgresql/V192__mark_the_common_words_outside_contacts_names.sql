-- A deep page of a common word's records kept out of contacts' names (V190) starts from a mark too:
-- each mark (V179) notes how many entries before it stand outside contacts' names as well, each change
-- whether its entry stands only in a contact's name, and each word how many records hold it outside
-- them. The marks are dropped and every word is marked afresh at the next marking; until then their
-- pages are read as before the marks.
DELETE FROM common_word_mark;
DELETE FROM common_word_change;
UPDATE common_word SET records = NULL;

ALTER TABLE common_word ADD COLUMN shown_records BIGINT;
ALTER TABLE common_word_mark ADD COLUMN shown_position BIGINT NOT NULL;
ALTER TABLE common_word_change ADD COLUMN contact_only BOOLEAN NOT NULL;

CREATE OR REPLACE FUNCTION common_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only)
    SELECT n.word, n.name_sort, n.organisation_id, 1, n.contact_only FROM new_entries n JOIN common_word c ON c.word = n.word;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION common_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only)
    SELECT o.word, o.name_sort, o.organisation_id, -1, o.contact_only FROM old_entries o JOIN common_word c ON c.word = o.word;
    RETURN NULL;
END
$$;
