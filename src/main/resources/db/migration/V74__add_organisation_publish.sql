-- Whether the organisation may appear in the Open Referral directory feed; nothing is published until someone ticks it.
ALTER TABLE organisation ADD COLUMN publish BOOLEAN DEFAULT FALSE NOT NULL;
