-- When the record last changed, for the directory feed's modified_after; rows already stored count as changed now.
ALTER TABLE organisation ADD COLUMN modified_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
