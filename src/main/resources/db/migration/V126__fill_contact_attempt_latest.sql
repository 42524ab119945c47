-- The latest attempt of every organisation that has one, as ContactAttemptRepository.recount() finds
-- them again after a restore: one look-up in V116's index per organisation.
INSERT INTO contact_attempt_latest (organisation_id, attempt_id, attempted_on, outcome, arranged)
    SELECT a.organisation_id, a.id, a.attempted_on, a.outcome, a.outcome IN ('call-back-arranged', 'interview-arranged')
    FROM organisation o JOIN contact_attempt a ON a.id = (SELECT b.id FROM contact_attempt b
        WHERE b.organisation_id = o.id ORDER BY b.attempted_on DESC, b.id DESC FETCH FIRST 1 ROWS ONLY);
