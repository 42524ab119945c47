-- What the organisation module publishes for other modules' SQL to join (the outreach lists join
-- it to contact attempts): a read-only view, so the table stays the organisation module's own and
-- every write goes through its service.
CREATE VIEW organisation_contact AS
    SELECT id, name, status, phone, email, contact_name, follow_up FROM organisation;
