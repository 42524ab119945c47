-- The referral lock's one row (V155).
INSERT INTO referral_lock (id) VALUES (1);
