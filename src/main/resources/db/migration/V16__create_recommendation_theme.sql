-- The themes whose comments support a recommendation.
CREATE TABLE recommendation_theme (
    recommendation_id BIGINT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
    theme_id          BIGINT NOT NULL REFERENCES theme (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, theme_id)
);
