-- What each session holds (the signed-in user, the CSRF token, the uploads waiting to be confirmed),
-- serialised. BYTEA is PostgreSQL's binary type, and H2 takes it as BINARY VARYING of up to 1 GB.
CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
