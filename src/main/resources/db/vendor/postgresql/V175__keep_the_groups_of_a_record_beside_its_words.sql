-- A page in the middle of a common word's matches sorted by category, area, status or interview date
-- (or within a category, sorted by anything) read every match's record to sort or filter it: "forum",
-- 100,000 of a million, took 312 to 364 ms for its middle page by a group, and 66 to 118 ms within a
-- category. Each word's entry now holds its record's category, area, status and interview date
-- beside the key (INCLUDE), so those pages count and read the matches from organisation_word alone:
-- the matches counted by the sorted column's values, then one value's read by id (25 and 20 ms).
-- The table is built anew beside the old one rather than updated in place, which would leave a dead
-- row for each of its rows (16 million at a million records), and in its key's order: joined as the
-- planner chose, a word's rows lay scattered over the table, and an index-only walk of a word held by
-- half a million records looked up a page of the visibility map for nearly every entry (85 ms for the
-- middle of a word every record holds, against 55 in the key's order). H2 searches through its Lucene index
-- instead (see SearchIndex): its V175 changes nothing.
CREATE TABLE organisation_word_grouped (
    word VARCHAR(200) COLLATE "C" NOT NULL,
    name_sort VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    category VARCHAR(40) COLLATE "C",
    area VARCHAR(100) COLLATE "C",
    status VARCHAR(20) COLLATE "C" NOT NULL,
    interview_date DATE
);

INSERT INTO organisation_word_grouped (word, name_sort, organisation_id, category, area, status, interview_date)
SELECT k.word, k.name_sort, k.organisation_id, o.category, o.area, o.status, o.interview_date
FROM organisation_word k JOIN organisation o ON o.id = k.organisation_id
ORDER BY k.word, k.name_sort, k.organisation_id;

DROP TABLE organisation_word;
ALTER TABLE organisation_word_grouped RENAME TO organisation_word;
ALTER TABLE organisation_word ADD CONSTRAINT organisation_word_pkey PRIMARY KEY (word, name_sort, organisation_id)
    INCLUDE (category, area, status, interview_date);
ANALYZE organisation_word;

CREATE OR REPLACE FUNCTION organisation_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH words AS MATERIALIZED (
        SELECT w, n.name_sort, n.id, n.category, n.area, n.status, n.interview_date
        FROM new_rows n, unnest(organisation_search_words(n.search_text)) w
    ), listed AS (
        INSERT INTO search_word (word) SELECT DISTINCT w FROM words ORDER BY 1 ON CONFLICT DO NOTHING
    )
    INSERT INTO organisation_word (word, name_sort, organisation_id, category, area, status, interview_date)
    SELECT w, name_sort, id, category, area, status, interview_date FROM words;
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
    INSERT INTO organisation_word (word, name_sort, organisation_id, category, area, status, interview_date)
    SELECT w, NEW.name_sort, NEW.id, NEW.category, NEW.area, NEW.status, NEW.interview_date
    FROM unnest(organisation_search_words(NEW.search_text)) w;
    RETURN NULL;
END
$$;

-- A change of a record's groups alone (an interview recorded, a status changed) rewrites its words'
-- entries in place; where the name or the text changes too, organisation_words_updated writes them
-- anew with the new groups. Sequential scans are ruled out, as V157 does for deletes: PL/pgSQL keeps
-- a statement's plan, and one made while the table was small would read every entry for each change.
CREATE FUNCTION organisation_words_regrouped() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off AS $$
BEGIN
    UPDATE organisation_word
    SET category = NEW.category, area = NEW.area, status = NEW.status, interview_date = NEW.interview_date
    WHERE word = ANY (organisation_search_words(NEW.search_text)) AND name_sort = NEW.name_sort
        AND organisation_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER organisation_words_regrouped AFTER UPDATE OF category, area, status, interview_date ON organisation
FOR EACH ROW
WHEN ((OLD.category, OLD.area, OLD.status, OLD.interview_date)
        IS DISTINCT FROM (NEW.category, NEW.area, NEW.status, NEW.interview_date)
    AND OLD.search_text IS NOT DISTINCT FROM NEW.search_text AND OLD.name_sort IS NOT DISTINCT FROM NEW.name_sort)
EXECUTE FUNCTION organisation_words_regrouped();
