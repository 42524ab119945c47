-- In each group of a common word (V194), by id, an entry every so many, with its position among the
-- group's entries when last marked (and among those outside contacts' names). A page of the word's
-- records sorted by the group starts from the last mark before it, with the changes before it added
-- (V193), and walks organisation's index of the group by id (V95 to V97) from there, looking each record
-- up among the word's entries: the marks are spaced so that the walk passes about a thousand records.
CREATE TABLE common_word_group_mark (
    word            VARCHAR(200) COLLATE "C" NOT NULL,
    grouped_by      VARCHAR(20) COLLATE "C" NOT NULL,
    value           VARCHAR(100) COLLATE "C",
    organisation_id BIGINT NOT NULL,
    position        BIGINT NOT NULL,
    shown_position  BIGINT NOT NULL
);
CREATE INDEX common_word_group_mark_word ON common_word_group_mark (word, grouped_by, value, organisation_id);
