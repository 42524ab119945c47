-- A page deep in the records holding a common word, by name, stepped past every entry of the word
-- before it in organisation_word's key: page 20,000 of a word every record of a million holds passed
-- 500,000 entries (42 to 45 ms), and its total was sampled (10 ms more). For the words the most
-- records hold (WordMarks lists them, from the statistics' most common values), every thousandth entry
-- in name order, when last marked, is kept with its position, as V159 keeps the list orders', and
-- each entry of such a word added or deleted since as +1 or -1 at its key, until the next marking
-- takes it in. A page then starts from the last mark before it and steps past fewer than a thousand
-- entries, and the word's records are counted exactly: those at the marking and the changes since.

-- The words marked; records is null until the word's first marking.
CREATE TABLE common_word (
    word    VARCHAR(200) COLLATE "C" NOT NULL PRIMARY KEY,
    records BIGINT
);

-- No key: a word's marks are read whole (a thousand for a million records) and replaced whole.
CREATE TABLE common_word_mark (
    word            VARCHAR(200) COLLATE "C" NOT NULL,
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    position        BIGINT NOT NULL
);

-- No key either: a change costs its row and nothing more.
CREATE TABLE common_word_change (
    word            VARCHAR(200) COLLATE "C" NOT NULL,
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    organisations   INTEGER NOT NULL
);

-- On organisation_word itself, so that every writer of its entries (a record added, deleted, renamed,
-- its text changed, by the app, an import's COPY or a restore) is followed; a change of a record's
-- groups alone rewrites its entries in place, where they keep their key, and is not.
CREATE FUNCTION common_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations)
    SELECT n.word, n.name_sort, n.organisation_id, 1 FROM new_entries n JOIN common_word c ON c.word = n.word;
    RETURN NULL;
END
$$;

CREATE FUNCTION common_words_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO common_word_change (word, name_sort, organisation_id, organisations)
    SELECT o.word, o.name_sort, o.organisation_id, -1 FROM old_entries o JOIN common_word c ON c.word = o.word;
    RETURN NULL;
END
$$;

-- Emptied the MVCC way, so that a page read meanwhile still sees the marks of its snapshot; the words
-- are listed again at the next marking, from what the register then holds.
CREATE FUNCTION common_words_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM common_word_mark;
    DELETE FROM common_word_change;
    DELETE FROM common_word;
    RETURN NULL;
END
$$;

CREATE TRIGGER common_words_inserted AFTER INSERT ON organisation_word REFERENCING NEW TABLE AS new_entries
FOR EACH STATEMENT EXECUTE FUNCTION common_words_inserted();

CREATE TRIGGER common_words_deleted AFTER DELETE ON organisation_word REFERENCING OLD TABLE AS old_entries
FOR EACH STATEMENT EXECUTE FUNCTION common_words_deleted();

CREATE TRIGGER common_words_emptied AFTER TRUNCATE ON organisation_word
FOR EACH STATEMENT EXECUTE FUNCTION common_words_emptied();
