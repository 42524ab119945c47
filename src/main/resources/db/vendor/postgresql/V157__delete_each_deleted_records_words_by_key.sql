-- V150's trigger deleted a statement's records' words in one DELETE joined to organisation_word, whose
-- plan PL/pgSQL makes once per connection and keeps: made while the table was small or not yet
-- analysed, it went on reading the whole table for each word (a test deleting 10,000 records of a
-- new register ran for more than six minutes in CI). Each deleted record's words are now deleted by
-- their key, one record at a time, as a change of one record's text already does; sequential scans
-- stay ruled out, so a plan kept from a small table still uses the key.
CREATE OR REPLACE FUNCTION organisation_words_deleted() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off AS $$
DECLARE
    gone RECORD;
BEGIN
    -- Only a large delete can have emptied the register; a small one need not look.
    IF (SELECT COUNT(*) FROM old_rows) >= 10000 AND NOT EXISTS (SELECT 1 FROM organisation) THEN
        TRUNCATE organisation_word;
        RETURN NULL;
    END IF;
    FOR gone IN SELECT search_text, name_sort, id FROM old_rows LOOP
        DELETE FROM organisation_word
        WHERE word = ANY (organisation_search_words(gone.search_text)) AND name_sort = gone.name_sort
            AND organisation_id = gone.id;
    END LOOP;
    RETURN NULL;
END
$$;
