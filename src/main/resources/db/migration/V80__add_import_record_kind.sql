-- What an import brought in: organisations, or the research record of organisations the register
-- has (contact attempts, interview fields). Every import before this one was of organisations.
ALTER TABLE import_record ADD COLUMN kind VARCHAR(20) DEFAULT 'organisations' NOT NULL;
