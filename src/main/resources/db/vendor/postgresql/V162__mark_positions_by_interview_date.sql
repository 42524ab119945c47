-- V159's marks did not follow the interview date, so a deep page of the list sorted by it stepped past
-- every entry before it in (interview_date, id) by OFFSET, and a page among the records without a date
-- first counted every record with one. Each change now keeps the record's interview date too, for two
-- more orders (OrderMarks): those with a date by (interview_date, id), and those without one by id, as
-- the list gives them. Area and category are kept already, so their records without one need nothing
-- here.
ALTER TABLE organisation_order_change ADD COLUMN interview_date DATE;

CREATE OR REPLACE FUNCTION organisation_orders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed,
        interview_date, name_sort, organisation_id, organisations)
    SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, interview_date, name_sort, id, 1
    FROM new_rows;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION organisation_orders_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed,
        interview_date, name_sort, organisation_id, organisations)
    SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, interview_date, name_sort, id, -1
    FROM old_rows;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION organisation_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed,
        interview_date, name_sort, organisation_id, organisations)
    VALUES (OLD.status, OLD.area, OLD.category, OLD.full_interview, OLD.follow_up, OLD.cyp_board, OLD.well_informed,
            OLD.interview_date, OLD.name_sort, OLD.id, -1),
           (NEW.status, NEW.area, NEW.category, NEW.full_interview, NEW.follow_up, NEW.cyp_board, NEW.well_informed,
            NEW.interview_date, NEW.name_sort, NEW.id, 1);
    RETURN NULL;
END
$$;

DROP TRIGGER organisation_orders_updated ON organisation;

CREATE TRIGGER organisation_orders_updated AFTER UPDATE OF name_sort, status, area, category, full_interview,
    follow_up, cyp_board, well_informed, interview_date ON organisation
FOR EACH ROW
WHEN (OLD.name_sort IS DISTINCT FROM NEW.name_sort OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.area IS DISTINCT FROM NEW.area OR OLD.category IS DISTINCT FROM NEW.category
    OR OLD.full_interview IS DISTINCT FROM NEW.full_interview OR OLD.follow_up IS DISTINCT FROM NEW.follow_up
    OR OLD.cyp_board IS DISTINCT FROM NEW.cyp_board OR OLD.well_informed IS DISTINCT FROM NEW.well_informed
    OR OLD.interview_date IS DISTINCT FROM NEW.interview_date)
EXECUTE FUNCTION organisation_orders_updated();

-- The changes waiting hold no interview date: every record becomes a change not yet taken in again, as
-- in V159, and until the next marking a deep page is read by OFFSET.
DELETE FROM organisation_order_mark;
DELETE FROM organisation_order_change;
INSERT INTO organisation_order_change (status, area, category, full_interview, follow_up, cyp_board, well_informed,
        interview_date, name_sort, organisation_id, organisations)
SELECT status, area, category, full_interview, follow_up, cyp_board, well_informed, interview_date, name_sort, id, 1
FROM organisation;
