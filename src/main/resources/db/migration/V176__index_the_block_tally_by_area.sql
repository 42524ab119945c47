-- A deep page sorted by area finds its block of ids by summing the block tally's rows of the page's
-- area (V168), and the table had no index but its key: every row was read. With 300 areas the tally
-- held 135,000 rows for 200,000 records, and that sum took 27 ms of a page (the interviewed by area,
-- in the middle, 79 ms); from this index, the area's few hundred rows, 0.5 ms.
CREATE INDEX organisation_block_tally_area ON organisation_block_tally (area, block);
