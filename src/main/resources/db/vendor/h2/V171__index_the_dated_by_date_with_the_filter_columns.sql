-- PostgreSQL's V171 indexes the dated records by date and id with the list's filter columns beside
-- them (INCLUDE, which H2 has not). H2 reads a date's records through V98's (interview_date, id):
-- nothing changes here, and both databases stay at the same schema version.
SELECT 1;
