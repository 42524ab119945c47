-- One row naming the import that is storing rows, if any: taken by a conditional UPDATE, so one
-- import runs at a time per register across every instance. The heartbeat moves on with the
-- import's progress; a lock whose heartbeat has stopped (its instance died) may be taken over.
CREATE TABLE import_lock (
    id           INTEGER NOT NULL PRIMARY KEY,
    job_id       BIGINT REFERENCES import_job (id),
    heartbeat_at TIMESTAMP,
    CONSTRAINT import_lock_one_row CHECK (id = 1)
);
