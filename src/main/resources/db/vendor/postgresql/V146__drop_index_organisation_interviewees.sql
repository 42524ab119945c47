-- On H2, V145's index replaces V91's; PostgreSQL keeps V91's. Nothing changes here: the same schema
-- version on both databases.
SELECT 1;
