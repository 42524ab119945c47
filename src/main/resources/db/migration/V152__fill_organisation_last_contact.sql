-- Each organisation's last contact from the rows already stored, as LastContacts.RECOUNT works it
-- out again after a restore: its latest attempt, its latest interview, its History's latest entry.
INSERT INTO organisation_last_contact (organisation_id, named, last_contact)
SELECT o.id, COALESCE(LENGTH(o.contact_name), 0) > 0, c.contacted
FROM organisation o LEFT JOIN (SELECT organisation_id, MAX(contacted) AS contacted FROM (
        SELECT organisation_id, attempted_on AS contacted FROM contact_attempt_latest
        UNION ALL
        SELECT organisation_id, MAX(held_on) FROM interview GROUP BY organisation_id
        UNION ALL
        SELECT CAST(SUBSTRING(record_page, 14) AS BIGINT), CAST(MAX(occurred_at) AS DATE) FROM audit_entry
        WHERE record_page LIKE 'organisation/%' GROUP BY record_page) u
    GROUP BY organisation_id) c ON c.organisation_id = o.id;
