-- The unclassified (no category) by name, an index of their own: a deep page by name within the
-- unclassified and another filter (the unclassified interviewed) fetched and sorted every match,
-- 255 to 279 ms in the middle at a million, where two indexes in name order are read side by side
-- and joined as they go (OrganisationRepository.merged). H2 already holds them under no category in
-- its category's index by name: its V170 changes nothing.
CREATE INDEX organisation_unclassified_name ON organisation (name_sort, id) WHERE category IS NULL;
