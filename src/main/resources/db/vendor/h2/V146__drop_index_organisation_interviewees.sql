-- V145's index starts with the same columns and serves every query this one served.
DROP INDEX organisation_interviewees;
