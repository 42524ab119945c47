-- Each organisation's last contact from the rows already stored, as LastContacts.RECOUNT works it
-- out again after a restore: its latest attempt, its latest interview, its History's latest entry.
MERGE INTO organisation o
USING (SELECT organisation_id, MAX(contacted) AS contacted FROM (
        SELECT organisation_id, attempted_on AS contacted FROM contact_attempt_latest
        UNION ALL
        SELECT organisation_id, MAX(held_on) FROM interview GROUP BY organisation_id
        UNION ALL
        SELECT CAST(SUBSTRING(record_page, 14) AS BIGINT), CAST(MAX(occurred_at) AS DATE) FROM audit_entry
        WHERE record_page LIKE 'organisation/%' GROUP BY record_page) c
    GROUP BY organisation_id) s
ON o.id = s.organisation_id
WHEN MATCHED THEN UPDATE SET last_contact = s.contacted;
