-- The refusals among the latest attempts already kept (V181).
UPDATE contact_attempt_latest SET declined = TRUE WHERE outcome = 'declined';
