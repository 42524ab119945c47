-- What interviewees said about the wider sector, kept apart from who said it: the theme (the
-- questionnaire section) and the text only. No organisation, interview, interviewer or time;
-- the month at most. The key is random because a sequence would betray the order of entry.
CREATE TABLE anonymous_comment (
    id             VARCHAR(36)    PRIMARY KEY,
    section_code   VARCHAR(10)    NOT NULL,
    section_title  VARCHAR(300)   NOT NULL,
    comment_text   VARCHAR(10000) NOT NULL,
    recorded_month VARCHAR(7),
    quote          BOOLEAN        NOT NULL
);
