-- The anonymous comments that support a recommendation: what was said, never who said it.
CREATE TABLE recommendation_comment (
    recommendation_id BIGINT      NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
    comment_id        VARCHAR(36) NOT NULL REFERENCES anonymous_comment (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, comment_id)
);
