-- One row that the first administrator's setup locks (SELECT ... FOR UPDATE) before it checks that
-- nobody exists yet: two setups at the same moment (the setup page, or the bootstrap settings of two
-- instances starting together) then take turns, and the second finds the first one's administrator.
CREATE TABLE setup_lock (
    id INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT setup_lock_one_row CHECK (id = 1)
);
