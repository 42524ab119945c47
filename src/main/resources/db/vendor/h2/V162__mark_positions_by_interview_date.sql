-- PostgreSQL's V162 lets its marks (V159) follow the interview date. H2 finds positions in its own
-- tree (IndexPositions), so nothing changes here, and both databases stay at the same schema version.
SELECT 1;
