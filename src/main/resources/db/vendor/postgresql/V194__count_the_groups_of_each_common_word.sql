-- How many records holding each common word stood in each category, area and status when the word was
-- last marked, and how many of them outside contacts' names (V192); the changes since (V193) are added
-- to them as the marks' are. Replaced whole at each marking of the word, as its marks are. grouped_by
-- names the column; value is null for the records without one.
CREATE TABLE common_word_group (
    word          VARCHAR(200) COLLATE "C" NOT NULL,
    grouped_by    VARCHAR(20) COLLATE "C" NOT NULL,
    value         VARCHAR(100) COLLATE "C",
    records       BIGINT NOT NULL,
    shown_records BIGINT NOT NULL
);
CREATE INDEX common_word_group_word ON common_word_group (word, grouped_by);
