-- The day a call back or interview an attempt arranged is due, if one was given: the morning list
-- leaves it off until then, where it put every arrangement first at once, whatever day it was for.
ALTER TABLE contact_attempt ADD COLUMN due_on DATE;
