-- PostgreSQL's V190 notes which words of organisation_word, a table H2 does not keep, stand only in a
-- contact's name: nothing changes here, and both databases stay at the same schema version.
SELECT 1;
