-- PostgreSQL's V163 keeps how many records the two orders by interview date held at the last marking.
-- H2 keeps no marks, so nothing changes here, and both databases stay at the same schema version.
SELECT 1;
