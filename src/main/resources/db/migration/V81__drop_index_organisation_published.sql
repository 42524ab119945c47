-- V76's index put status before id, so a page of the directory feed in id order had H2 read and
-- sort every published record (5.5 s a page at 100,000 on H2). V82 replaces it.
DROP INDEX organisation_published;
