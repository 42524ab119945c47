-- PostgreSQL's B-tree keeps no counts, so a page deep in a list stepped past every index entry before
-- it: page 20,000 of a million by name passed 500,000 entries, 65 to 90 ms warm, and by status or area
-- as many (six to eight seconds cold). Here, for each order a list is read in by one index, every
-- thousandth record in that order, when last marked, is kept with its position. A change since (a
-- record added, deleted, renamed, moved to another status, area or category, or a tick box of the
-- register's ticked or cleared) is kept as -1 for
-- what the record held and +1 for what it holds, until the next marking takes it in (OrderMarks, once a
-- thousand have piled up). How many records come before a mark is then its position plus the changes
-- before it in that order, exactly, in any one snapshot; a page starts from the last mark before it
-- and steps past fewer than a thousand records more.
--
-- The orders, each an index's: 'name' (name_sort, id); 'status-name', 'area-name' and 'category-name'
-- (the column, name_sort, id), a list filtered by one of them by name; 'status', 'area' and 'category'
-- (the column, id), a list sorted by one of them; and for each tick box (full interview, follow-up,
-- children and young people's board, well informed), the records ticked by name (name_sort, id, each
-- tick box's own index, V160). A mark keeps the order's first column as value and its name_sort,
-- each '' where the order has none; records without a value in the column are in none of its orders.
--
-- The triggers write the changes in the same transaction as the change to organisation, whichever
-- statement makes it (the app, an import's COPY, a restore), appending rows rather than updating a
-- count, so that no writer waits for another. H2 finds positions in its own tree (IndexPositions):
-- its V159 changes nothing.

-- No key: an order's marks are read whole (a thousand a million records) and replaced whole.
CREATE TABLE organisation_order_mark (
    ordering        VARCHAR(20) NOT NULL,
    value           VARCHAR(100) COLLATE "C" NOT NULL,
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    position        BIGINT NOT NULL
);

-- No key either: a change costs its rows and nothing more.
CREATE TABLE organisation_order_change (
    status          VARCHAR(20) COLLATE "C" NOT NULL,
    area            VARCHAR(100) COLLATE "C",
    category        VARCHAR(40) COLLATE "C",
    full_interview  BOOLEAN,
    follow_up       BOOLEAN,
    cyp_board       BOOLEAN,
    well_informed   BOOLEAN,
    name_sort       VARCHAR(300) COLLATE "C" NOT NULL,
    organisation_id BIGINT NOT NULL,
    organisations   INTEGER NOT NULL
);

-- One row, replaced by every marking first, so that two markings at once cannot both commit: under
-- repeatable read the later fails.
CREATE TABLE organisation_order_marking (
    id        INTEGER NOT NULL PRIMARY KEY,
    marked_at TIMESTAMP NOT NULL,
    CONSTRAINT organisation_order_marking_one_row CHECK (id = 1)
);

INSERT INTO organisation_order_marking (id, marked_at) VALUES (1, CURRENT_TIMESTAMP);

-- Every record there is a change not yet taken in: the first marking, within a minute of start-up,
-- takes them in, and until then a deep page is read by OFFSET as before.
INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort,
        organisation_id, organisations)
SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort, id, 1
FROM organisation;

CREATE FUNCTION organisation_orders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort,
        organisation_id, organisations)
    SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort, id, 1
    FROM new_rows;
    RETURN NULL;
END
$$;

CREATE FUNCTION organisation_orders_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort,
        organisation_id, organisations)
    SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort, id, -1
    FROM old_rows;
    RETURN NULL;
END
$$;

-- Record by record, as the words' trigger (V147) does, and only where a column of an order changes.
CREATE FUNCTION organisation_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed, name_sort,
        organisation_id, organisations)
    VALUES (OLD.status, OLD.area, OLD.category, OLD.full_interview, OLD.follow_up, OLD.cyp_board, OLD.well_informed,
            OLD.name_sort, OLD.id, -1),
           (NEW.status, NEW.area, NEW.category, NEW.full_interview, NEW.follow_up, NEW.cyp_board, NEW.well_informed,
            NEW.name_sort, NEW.id, 1);
    RETURN NULL;
END
$$;

-- Emptied the MVCC way, not truncated, so that a page read meanwhile still sees the marks of its
-- snapshot; replacing the one row fails a marking under way.
CREATE FUNCTION organisation_orders_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organisation_order_marking;
    INSERT INTO organisation_order_marking (id, marked_at) VALUES (1, CURRENT_TIMESTAMP);
    DELETE FROM organisation_order_mark;
    DELETE FROM organisation_order_change;
    RETURN NULL;
END
$$;

CREATE TRIGGER organisation_orders_inserted AFTER INSERT ON organisation REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_orders_inserted();

CREATE TRIGGER organisation_orders_deleted AFTER DELETE ON organisation REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION organisation_orders_deleted();

CREATE TRIGGER organisation_orders_updated AFTER UPDATE OF name_sort, status, area, category, full_interview,
    follow_up, cyp_board, well_informed ON organisation
FOR EACH ROW
WHEN (OLD.name_sort IS DISTINCT FROM NEW.name_sort OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.area IS DISTINCT FROM NEW.area OR OLD.category IS DISTINCT FROM NEW.category
    OR OLD.full_interview IS DISTINCT FROM NEW.full_interview OR OLD.follow_up IS DISTINCT FROM NEW.follow_up
    OR OLD.cyp_board IS DISTINCT FROM NEW.cyp_board OR OLD.well_informed IS DISTINCT FROM NEW.well_informed)
EXECUTE FUNCTION organisation_orders_updated();

CREATE TRIGGER organisation_orders_emptied AFTER TRUNCATE ON organisation
FOR EACH STATEMENT EXECUTE FUNCTION organisation_orders_emptied();
