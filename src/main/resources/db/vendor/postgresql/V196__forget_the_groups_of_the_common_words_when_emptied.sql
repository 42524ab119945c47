-- As V179 forgets the marks when organisation_word is emptied, so the groups' counts and marks (V194,
-- V195): the words are listed and marked again at the next marking.
CREATE OR REPLACE FUNCTION common_words_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM common_word_group_mark;
    DELETE FROM common_word_group;
    DELETE FROM common_word_mark;
    DELETE FROM common_word_change;
    DELETE FROM common_word;
    RETURN NULL;
END
$$;
