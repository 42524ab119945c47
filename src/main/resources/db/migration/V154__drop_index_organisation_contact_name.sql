-- V135's index served the retention page's walk through every contact person, which V153's
-- index replaces; nothing else reads organisations in the order of their contact's name.
DROP INDEX organisation_contact_name_idx;
