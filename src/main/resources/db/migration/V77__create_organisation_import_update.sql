-- The records an import updated, each with what it held before the import (its fields as text,
-- in JSON, by column) and the version the import left it at, so that undoing the import can put it
-- back unless it has changed since. No foreign keys, as for organisation.import_id: a record merged
-- or deleted since must stop the undo, not vanish from it.
CREATE TABLE organisation_import_update (
    import_id       BIGINT          NOT NULL,
    organisation_id BIGINT          NOT NULL,
    version_after   INT             NOT NULL,
    previous        VARCHAR(100000) NOT NULL,
    PRIMARY KEY (import_id, organisation_id)
);
