-- A search for a word common in one stretch of names ("forum", in a tenth of a million names that
-- begin with their town) walked the name index past 50,000 rows before its first page was full, and
-- reading every match through the trigram index and sorting them took as long (about 130 ms). Here
-- each record's search text is kept as its words, each beside the record's name_sort and id, so the
-- records holding one word are read in the list's order from organisation_word's key. A word is a run
-- of characters between ASCII whitespace, which is what Java's \s splits a search into: a searched
-- word, holding no such whitespace, is found in a text exactly when it is part of one of its words.
-- search_word lists every word once, with a trigram index, so that a searched word finds the words it
-- is part of. A run longer than 200 characters is kept as 200-character pieces starting every 100, so
-- that a searched word of up to 100 characters lies whole within one; longer ones search as before.
--
-- The triggers keep both tables in step in the same transaction as every change to organisation,
-- whichever statement makes it (the app, an import's COPY, a restore). search_word keeps words no
-- record holds any longer: they find no record, and dropping them would need a count per word.
-- H2 searches through its Lucene index instead (see SearchIndex): its V147 changes nothing.

-- Written as steps rather than as a query: the planner guessed a thousand rows for each of a query's
-- functions, so it compiled the query for each record (90 ms a record, JIT), and taken into a trigger's
-- statement the guess chose a scan of every kept word. The words of a record, once each.
CREATE FUNCTION organisation_search_words(search_text TEXT) RETURNS VARCHAR(200)[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    chunk TEXT;
    piece VARCHAR(200);
    start INTEGER;
    words VARCHAR(200)[] := '{}';
BEGIN
    FOREACH chunk IN ARRAY regexp_split_to_array(search_text, E'[ \t\n\x0b\f\r]+') LOOP
        CONTINUE WHEN chunk = '';
        start := 1;
        LOOP
            piece := SUBSTR(chunk, start, 200);
            IF NOT piece = ANY (words) THEN
                words := words || piece;
            END IF;
            EXIT WHEN start + 199 >= LENGTH(chunk);
            start := start + 100;
        END LOOP;
    END LOOP;
    RETURN words;
END
$$;

CREATE TABLE search_word (
    word VARCHAR(200) COLLATE "C" PRIMARY KEY
);

CREATE TABLE organisation_word (
    word VARCHAR(200) COLLATE "C" NOT NULL,
    name_sort VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (word, name_sort, organisation_id)
);

INSERT INTO organisation_word (word, name_sort, organisation_id)
SELECT w, o.name_sort, o.id FROM organisation o, unnest(organisation_search_words(o.search_text)) w;

INSERT INTO search_word (word) SELECT DISTINCT word FROM organisation_word;

CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);

-- Words are added in order, so that two imports adding the same new words wait on each other
-- rather than deadlock.
CREATE FUNCTION organisation_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH words AS MATERIALIZED (
        SELECT w, new_rows.name_sort, new_rows.id FROM new_rows, unnest(organisation_search_words(new_rows.search_text)) w
    ), listed AS (
        INSERT INTO search_word (word) SELECT DISTINCT w FROM words ORDER BY 1 ON CONFLICT DO NOTHING
    )
    INSERT INTO organisation_word (word, name_sort, organisation_id) SELECT w, name_sort, id FROM words;
    RETURN NULL;
END
$$;

CREATE FUNCTION organisation_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organisation_word k USING old_rows, unnest(organisation_search_words(old_rows.search_text)) w
    WHERE k.word = w AND k.name_sort = old_rows.name_sort AND k.organisation_id = old_rows.id;
    RETURN NULL;
END
$$;

-- A change is followed record by record, and only where it changes the name or the search text (most,
-- a status or an interview, leave both alone): matching a statement's old rows to its new ones needs
-- a join that PostgreSQL plans as if each held one row, which took 10 s for 1,500 records.
CREATE FUNCTION organisation_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organisation_word
    WHERE word = ANY (organisation_search_words(OLD.search_text)) AND name_sort = OLD.name_sort
        AND organisation_id = OLD.id;
    INSERT INTO search_word (word)
    SELECT w FROM unnest(organisation_search_words(NEW.search_text)) w ORDER BY 1
    ON CONFLICT DO NOTHING;
    INSERT INTO organisation_word (word, name_sort, organisation_id)
    SELECT w, NEW.name_sort, NEW.id FROM unnest(organisation_search_words(NEW.search_text)) w;
    RETURN NULL;
END
$$;

CREATE FUNCTION organisation_words_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE organisation_word;
    RETURN NULL;
END
$$;

CREATE TRIGGER organisation_words_inserted AFTER INSERT ON organisation REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_words_inserted();

CREATE TRIGGER organisation_words_deleted AFTER DELETE ON organisation REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_words_deleted();

CREATE TRIGGER organisation_words_updated AFTER UPDATE OF search_text, name_sort ON organisation FOR EACH ROW
WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.name_sort IS DISTINCT FROM NEW.name_sort)
EXECUTE FUNCTION organisation_words_updated();

CREATE TRIGGER organisation_words_emptied AFTER TRUNCATE ON organisation
FOR EACH STATEMENT EXECUTE FUNCTION organisation_words_emptied();
