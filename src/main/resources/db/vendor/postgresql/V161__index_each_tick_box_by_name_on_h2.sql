-- H2's V161 indexes each tick box by name, as PostgreSQL's V160 already does for the ticked records
-- with partial indexes, from which V159's marks read a deep page. Nothing changes here, and both
-- databases stay at the same schema version.
SELECT 1;
