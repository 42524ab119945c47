-- PostgreSQL's B-tree keeps no counts, so a page deep in the list by name stepped past every entry
-- before it: page 20,000 of a million passed 500,000 entries of the name index, 65 to 90 ms warm.
-- Here every thousandth record in name order, when last marked, is kept with its position. A change
-- since (a record added, deleted, or given another name) is kept as +1 at the name it now has and -1
-- at the name it had, until the next marking takes it in (NameMarks, when a thousand have piled up).
-- How many records come before a mark is then its position plus the changes before it, exactly, in
-- any one snapshot; a page starts from the last mark before it and steps fewer than a thousand more.
--
-- The triggers write the changes in the same transaction as the change to organisation, whichever
-- statement makes it (the app, an import's COPY, a restore), appending rows rather than updating a
-- count, so that no writer waits for another. H2 finds positions in its own tree (IndexPositions):
-- its V159 changes nothing.

-- No key: read whole (a thousand rows a million records) and replaced whole.
CREATE TABLE organisation_name_mark (
    position        BIGINT NOT NULL,
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL
);

-- No key either: a change costs its row and nothing more.
CREATE TABLE organisation_name_change (
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    organisations   INTEGER NOT NULL
);

-- How many records there were when last marked. Every marking replaces its one row first, so two
-- markings at once cannot both commit: under repeatable read the later fails.
CREATE TABLE organisation_name_marking (
    id            INTEGER NOT NULL PRIMARY KEY,
    organisations BIGINT NOT NULL,
    CONSTRAINT organisation_name_marking_one_row CHECK (id = 1)
);

INSERT INTO organisation_name_mark (position, name_sort, organisation_id)
SELECT n - 1, name_sort, id FROM (
    SELECT name_sort, id, ROW_NUMBER() OVER (ORDER BY name_sort, id) AS n FROM organisation
) numbered
WHERE MOD(n - 1, 1000) = 0;

INSERT INTO organisation_name_marking (id, organisations) SELECT 1, COUNT(*) FROM organisation;

CREATE FUNCTION organisation_names_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_name_change (name_sort, organisation_id, organisations)
    SELECT name_sort, id, 1 FROM new_rows;
    RETURN NULL;
END
$$;

CREATE FUNCTION organisation_names_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_name_change (name_sort, organisation_id, organisations)
    SELECT name_sort, id, -1 FROM old_rows;
    RETURN NULL;
END
$$;

-- Record by record, as the words' trigger (V147) does, and only where the name changes.
CREATE FUNCTION organisation_names_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_name_change (name_sort, organisation_id, organisations)
    VALUES (OLD.name_sort, OLD.id, -1), (NEW.name_sort, NEW.id, 1);
    RETURN NULL;
END
$$;

-- Emptied the MVCC way, not truncated, so that a page read meanwhile still sees the marks of its
-- snapshot; the update fails a marking under way.
CREATE FUNCTION organisation_names_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisation_name_marking SET organisations = 0;
    DELETE FROM organisation_name_mark;
    DELETE FROM organisation_name_change;
    RETURN NULL;
END
$$;

CREATE TRIGGER organisation_names_inserted AFTER INSERT ON organisation REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_names_inserted();

CREATE TRIGGER organisation_names_deleted AFTER DELETE ON organisation REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_names_deleted();

CREATE TRIGGER organisation_names_updated AFTER UPDATE OF name_sort ON organisation FOR EACH ROW
WHEN (OLD.name_sort IS DISTINCT FROM NEW.name_sort)
EXECUTE FUNCTION organisation_names_updated();

CREATE TRIGGER organisation_names_emptied AFTER TRUNCATE ON organisation
FOR EACH STATEMENT EXECUTE FUNCTION organisation_names_emptied();
