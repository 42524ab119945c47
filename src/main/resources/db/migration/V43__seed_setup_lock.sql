-- The row the first administrator's setup locks.
INSERT INTO setup_lock (id) VALUES (1);
