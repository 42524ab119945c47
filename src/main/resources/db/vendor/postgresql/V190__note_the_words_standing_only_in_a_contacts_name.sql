-- A search by someone who may not see contacts' names (a viewer) is no match for a record holding the
-- word only in its contact's name, and only the record's text told where the word stands: each record
-- found through organisation_word was read and its text checked, so page 20,000 of a word every record
-- of a million holds read 200,000 records (1.28 s). Each word's entry now notes whether the word stands
-- only in the contact's name, the search text's last line (folded one character for one, so as long
-- as the name), and such a search reads the entries not so noted, from organisation_word alone.
-- H2 searches through its Lucene index instead (see SearchIndex): its V190 changes nothing.

-- The words of a record's search text, each once, as organisation_search_words gives them, and
-- whether each stands only in the contact's name, given that name's length (null for no contact).
CREATE FUNCTION organisation_search_entries(search_text TEXT, contact_length INTEGER)
RETURNS TABLE (word VARCHAR(200), contact_only BOOLEAN)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    shown VARCHAR(200)[];
BEGIN
    IF contact_length IS NULL THEN
        RETURN QUERY SELECT w, FALSE FROM unnest(organisation_search_words(search_text)) w;
    ELSE
        -- The text split once: a word spans no line, so the whole text's words are the two parts'.
        shown := organisation_search_words(LEFT(search_text, LENGTH(search_text) - contact_length - 1));
        RETURN QUERY SELECT w, FALSE FROM unnest(shown) w
            UNION ALL SELECT w, TRUE FROM unnest(organisation_search_words(RIGHT(search_text, contact_length))) w
            WHERE NOT (w = ANY (shown));
    END IF;
END
$$;

-- A constant default adds the column without writing a row; only the entries standing in a contact's
-- name alone are then written, each found by its key. Joined as the planner chose, every entry of the
-- register was matched to its record and the record's words worked out once an entry (12 minutes at
-- a million records); worked out once a record and looked up by key, the million entries of
-- "contact" in a million contacts' names took 52 s.
ALTER TABLE organisation_word ADD COLUMN contact_only BOOLEAN DEFAULT FALSE NOT NULL;

SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = off;
WITH contact_words AS MATERIALIZED (
    SELECT e.word, o.name_sort, o.id
    FROM organisation o CROSS JOIN LATERAL organisation_search_entries(o.search_text, LENGTH(o.contact_name)) e
    WHERE o.contact_name IS NOT NULL AND e.contact_only
)
UPDATE organisation_word k SET contact_only = TRUE
FROM contact_words c
WHERE k.word = c.word AND k.name_sort = c.name_sort AND k.organisation_id = c.id;
RESET enable_hashjoin;
RESET enable_mergejoin;

CREATE OR REPLACE FUNCTION organisation_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH words AS MATERIALIZED (
        SELECT e.word AS w, n.name_sort, n.id, n.category, n.area, n.status, n.interview_date, e.contact_only
        FROM new_rows n CROSS JOIN LATERAL organisation_search_entries(n.search_text, LENGTH(n.contact_name)) e
    ), listed AS (
        INSERT INTO search_word (word) SELECT DISTINCT w FROM words ORDER BY 1 ON CONFLICT DO NOTHING
    )
    INSERT INTO organisation_word (word, name_sort, organisation_id, category, area, status, interview_date, contact_only)
    SELECT w, name_sort, id, category, area, status, interview_date, contact_only FROM words;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION organisation_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organisation_word
    WHERE word = ANY (organisation_search_words(OLD.search_text)) AND name_sort = OLD.name_sort
        AND organisation_id = OLD.id;
    INSERT INTO search_word (word)
    SELECT w FROM unnest(organisation_search_words(NEW.search_text)) w ORDER BY 1
    ON CONFLICT DO NOTHING;
    INSERT INTO organisation_word (word, name_sort, organisation_id, category, area, status, interview_date, contact_only)
    SELECT e.word, NEW.name_sort, NEW.id, NEW.category, NEW.area, NEW.status, NEW.interview_date, e.contact_only
    FROM organisation_search_entries(NEW.search_text, LENGTH(NEW.contact_name)) e;
    RETURN NULL;
END
$$;

-- The search text joins the name, coverage, description and contact's name by lines, leaving out those
-- missing, so the same text can come from another contact's name: a description's last line moved
-- into the contact's name, or back. The words are then written anew as when the text changes, and
-- the groups are not rewritten beside them.
DROP TRIGGER organisation_words_updated ON organisation;
CREATE TRIGGER organisation_words_updated AFTER UPDATE OF search_text, name_sort, contact_name ON organisation
FOR EACH ROW
WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.name_sort IS DISTINCT FROM NEW.name_sort
    OR LENGTH(OLD.contact_name) IS DISTINCT FROM LENGTH(NEW.contact_name))
EXECUTE FUNCTION organisation_words_updated();

DROP TRIGGER organisation_words_regrouped ON organisation;
CREATE TRIGGER organisation_words_regrouped AFTER UPDATE OF category, area, status, interview_date ON organisation
FOR EACH ROW
WHEN ((OLD.category, OLD.area, OLD.status, OLD.interview_date)
        IS DISTINCT FROM (NEW.category, NEW.area, NEW.status, NEW.interview_date)
    AND OLD.search_text IS NOT DISTINCT FROM NEW.search_text AND OLD.name_sort IS NOT DISTINCT FROM NEW.name_sort
    AND LENGTH(OLD.contact_name) IS NOT DISTINCT FROM LENGTH(NEW.contact_name))
EXECUTE FUNCTION organisation_words_regrouped();
