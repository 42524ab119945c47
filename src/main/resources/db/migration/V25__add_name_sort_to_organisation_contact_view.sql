-- The outreach lists sort by name as the register does, by its folded and indexed form.
DROP VIEW organisation_contact;
CREATE VIEW organisation_contact AS
    SELECT id, name, name_sort, status, phone, email, contact_name, follow_up FROM organisation;
