-- PostgreSQL's V191 holds V190's note in organisation_word's key index, which H2 does not keep:
-- nothing changes here, and both databases stay at the same schema version.
SELECT 1;
