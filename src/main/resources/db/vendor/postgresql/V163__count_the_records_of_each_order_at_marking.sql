-- A descending page read from the marks starts as far from the order's end as the page is from its
-- start, and the records without a value follow those holding one: both need how many records the
-- order holds, exactly, in the page's own snapshot. organisation_tally gives that for every order but
-- the two by interview date, which it does not count. For those, the marking keeps how many they held
-- then, and the changes since add the rest. A row for each from the start, held at 0 until the first
-- marking, as V162 left every record a change.
CREATE TABLE organisation_order_total (
    ordering VARCHAR(20) NOT NULL PRIMARY KEY,
    records  BIGINT NOT NULL
);

INSERT INTO organisation_order_total (ordering, records) VALUES ('interview-date', 0), ('interview-date-none', 0);

-- Emptied with the rest when the table is truncated: nothing is held then, and nothing has changed.
CREATE OR REPLACE FUNCTION organisation_orders_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organisation_order_marking;
    INSERT INTO organisation_order_marking (id, marked_at) VALUES (1, CURRENT_TIMESTAMP);
    DELETE FROM organisation_order_mark;
    DELETE FROM organisation_order_change;
    UPDATE organisation_order_total SET records = 0;
    RETURN NULL;
END
$$;
