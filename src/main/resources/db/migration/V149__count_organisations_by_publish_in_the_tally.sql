-- The directory feed's total (the published organisations, listed or interviewed) counted every
-- published record: 150 ms and more at a million. The tally (V90) now counts records by whether
-- they are published too, and is counted afresh with that column.
ALTER TABLE organisation_tally ADD COLUMN publish BOOLEAN DEFAULT FALSE NOT NULL;
DELETE FROM organisation_tally;
INSERT INTO organisation_tally (category, area, status, exclusion_reason, full_interview, follow_up, cyp_board,
    well_informed, publish, organisations)
SELECT category, area, status, exclusion_reason, full_interview, follow_up, cyp_board, well_informed, publish, COUNT(*)
FROM organisation
GROUP BY category, area, status, exclusion_reason, full_interview, follow_up, cyp_board, well_informed, publish;
