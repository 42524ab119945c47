-- PostgreSQL's V159 marks positions in the orders its lists are read in, for its deep pages. H2 finds
-- them in its own tree (IndexPositions): nothing changes here, and both databases stay at the same
-- schema version.
SELECT 1;
