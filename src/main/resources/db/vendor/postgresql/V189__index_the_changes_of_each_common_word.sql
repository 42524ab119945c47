-- A page and its total read one word's changes (V179), and were read by scanning the whole table: a
-- table emptied by markings keeps its pages until a vacuum can cut them off, which it cannot while
-- searches read it, and scanning 145 MB of empty pages took every search of a marked word 110 ms. By
-- their word, through this index, whose emptied pages a vacuum unlinks, they are read at once.
CREATE INDEX common_word_change_word ON common_word_change (word, name_sort, organisation_id);
