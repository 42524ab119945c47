-- Comments are released in batches of several interviews, and the month a comment was heard
-- would narrow a batch back down to the interviews of that month; no page, API or export ever
-- showed it. Dropping the column also forgets the months of the comments recorded before.
ALTER TABLE anonymous_comment DROP COLUMN recorded_month;
