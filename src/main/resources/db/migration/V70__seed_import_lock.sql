-- The row every import takes, free.
INSERT INTO import_lock (id) VALUES (1);
