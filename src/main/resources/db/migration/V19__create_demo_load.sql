-- Which demo data set this database was given. One row at most, ever: a second load, even one
-- running at the same moment on another instance, fails on the key and rolls back whole.
CREATE TABLE demo_load (
    id        INTEGER     NOT NULL PRIMARY KEY,
    demo      VARCHAR(30) NOT NULL,
    loaded_at TIMESTAMP   NOT NULL,
    CONSTRAINT demo_load_one_row CHECK (id = 1)
);
