-- PostgreSQL's V159 marks positions in the list's name order, for its deep pages. H2 finds them in its
-- own tree (IndexPositions): nothing changes here, and both databases stay at the same schema version.
SELECT 1;
