-- V91's index begins with the same two columns, so it serves every lookup this one did; keeping both
-- would make each import write one more index for nothing.
DROP INDEX organisation_status_area_idx;
