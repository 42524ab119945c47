-- Settings an administrator changes from a page, such as how long personal data is kept; one row
-- per setting that differs from its default. ("value" is a reserved word in H2.)
CREATE TABLE setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
