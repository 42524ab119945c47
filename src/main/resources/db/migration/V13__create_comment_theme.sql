-- A comment may be coded under several themes. Coding says what a comment is about, never who made it.
CREATE TABLE comment_theme (
    comment_id VARCHAR(36) NOT NULL REFERENCES anonymous_comment (id) ON DELETE CASCADE,
    theme_id   BIGINT      NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, theme_id)
);
CREATE INDEX comment_theme_theme_idx ON comment_theme (theme_id);
