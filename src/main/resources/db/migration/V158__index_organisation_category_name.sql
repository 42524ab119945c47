-- One category's records in name order, read a page at a time, as V119 and V109 read a status's or an
-- area's: at a million on H2, the first page of a category by name read its 180,000 records through
-- V95's index and sorted them (2 to 4 s); walking the name index instead passed up to 800,000 others
-- where the category's names come late (7 to 12 s).
CREATE INDEX organisation_category_name ON organisation (category, name_sort, id);
