-- Appendix 1 lists the interviewed organisations of each area by name, a page at a time: with the
-- area and the name order in the index, a page is read from it already sorted, however many there are.
CREATE INDEX organisation_interviewees ON organisation (status, area, name_sort, id);
