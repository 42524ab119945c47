-- The values of one field before and after an entry's change. Kept apart from the entry so that an
-- erasure can overwrite a person's earlier values (the one write allowed after insert) while the
-- fact of the change stays.
CREATE TABLE audit_change (
    entry_id      BIGINT        NOT NULL REFERENCES audit_entry (id),
    field         VARCHAR(100)  NOT NULL,
    before_value  VARCHAR(20000),
    after_value   VARCHAR(20000),
    PRIMARY KEY (entry_id, field)
);
