-- Each pair of status, area and category, then id, so that a deep page of a list filtered by one of a
-- pair and sorted by the other is read from the tally's count of each sorted value and the index's tree
-- (IndexPositions): the records of one value of each are together in id order in the pair's index,
-- whichever leads. H2 read and sorted every match, or stepped along the sorted column's index past the
-- records of other values (8.3 s for a page in the middle of a million's 600,000 interviewed by area,
-- 2.5 s in one category's 180,000 by status). Each insert writes three more index entries.
CREATE INDEX organisation_status_area_order ON organisation (status, area, id);
CREATE INDEX organisation_status_category_order ON organisation (status, category, id);
CREATE INDEX organisation_area_category_order ON organisation (area, category, id);
