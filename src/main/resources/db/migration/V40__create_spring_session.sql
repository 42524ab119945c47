-- Signed-in sessions, kept in the database so that several instances behind one proxy share them
-- (Spring Session JDBC's own table, created here rather than by Spring Session so that Flyway owns
-- the whole schema). Its indexes serve finding a session by id, sweeping expired ones, and finding
-- a user's sessions to end them when an administrator changes their role or disables them. The
-- principal is the user's email, so it is as long as app_user's (Spring Session's own script has 100).
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INTEGER      NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(254),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
