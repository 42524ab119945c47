-- Each organisation's last contact from the rows already stored, as LastContacts.RECOUNT works it
-- out again after a restore: the latest of its latest attempt, its latest interview and its
-- History's latest entry, each read through its index for the one organisation (not a join to the
-- three grouped: H2 runs a joined subquery again for each row, reading every audit entry each
-- time). The first day of year 1 stands for none, as GREATEST's way with an empty value differs.
INSERT INTO organisation_last_contact (organisation_id, named, last_contact)
SELECT o.id, COALESCE(LENGTH(o.contact_name), 0) > 0, NULLIF(GREATEST(
        COALESCE((SELECT MAX(attempted_on) FROM contact_attempt WHERE organisation_id = o.id), DATE '0001-01-01'),
        COALESCE((SELECT MAX(held_on) FROM interview WHERE organisation_id = o.id), DATE '0001-01-01'),
        COALESCE((SELECT CAST(MAX(occurred_at) AS DATE) FROM audit_entry
            WHERE record_page = CONCAT('organisation/', o.id)), DATE '0001-01-01')), DATE '0001-01-01')
FROM organisation o;
