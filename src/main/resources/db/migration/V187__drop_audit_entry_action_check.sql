-- The actions the trail records grow by two (V188): a backup downloaded, and one restored.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_known;
