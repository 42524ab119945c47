-- A GIN index takes new entries into a pending list, merged into the index proper when the list
-- passes gin_pending_list_limit (4 MB by default) or when the table is vacuumed, and every search
-- reads the whole list. search_word grows only by new words, too slowly for autovacuum to come by
-- soon (a fifth of its rows by default), so after an import its list stayed near 4 MB and looking up
-- the words a searched word is part of took 4 to 10 ms instead of 0.1 to 2 (a million organisations,
-- 27 November 2026). Its list is now merged at 256 kB, and the text's trigram index's, which every
-- inserted record adds to, at 1 MB: an import of 200,000 rows ran at 7,140 rows a second with these
-- and 7,412 without (one run each, load 2.3 to 3.0).
ALTER INDEX search_word_trgm SET (gin_pending_list_limit = 256);
ALTER INDEX organisation_search_text_trgm SET (gin_pending_list_limit = 1024);
