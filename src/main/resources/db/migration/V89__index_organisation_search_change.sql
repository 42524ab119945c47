-- After a save, the index takes in that transaction's organisations by looking up their notes.
CREATE INDEX organisation_search_change_organisation ON organisation_search_change (organisation_id);
