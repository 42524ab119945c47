-- Settings an administrator changes from a page, such as how long personal data is kept; one row
-- per setting that differs from its default.
CREATE TABLE setting (
    name   VARCHAR(100)  NOT NULL PRIMARY KEY,
    value  VARCHAR(1000) NOT NULL
);
