-- V147's trigger deleting a statement's records' words joined them to organisation_word as the planner
-- chose, and for more than a few thousand records it chose to hash or merge the whole table's words:
-- deleting 20,000 records of 715,000 took 27.6 s, and emptying the register (as a restore does, or the
-- benchmark before filling) had not finished after six minutes. The words are now looked up by their
-- key, in key order, each deleted record's in turn (3.5 s for those 20,000, of which 0.5 s is the
-- delete without the trigger; 111 ms for 1,000), and a statement that leaves the register empty
-- empties organisation_word at once. Sequential scans are ruled out too: on a table not yet analysed,
-- the planner scanned every word for each deleted record (9 minutes for 11,500 in a test).
CREATE OR REPLACE FUNCTION organisation_words_deleted() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
BEGIN
    -- Only a large delete can have emptied the register; a small one need not look.
    IF (SELECT COUNT(*) FROM old_rows) >= 10000 AND NOT EXISTS (SELECT 1 FROM organisation) THEN
        TRUNCATE organisation_word;
        RETURN NULL;
    END IF;
    DELETE FROM organisation_word k USING (SELECT w, old_rows.name_sort, old_rows.id
        FROM old_rows, unnest(organisation_search_words(old_rows.search_text)) w ORDER BY 1, 2, 3 OFFSET 0) d
    WHERE k.word = d.w AND k.name_sort = d.name_sort AND k.organisation_id = d.id;
    RETURN NULL;
END
$$;
