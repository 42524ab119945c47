-- The report's quotes: the few comments a researcher marked, among millions.
CREATE INDEX anonymous_comment_quote ON anonymous_comment (quote);
