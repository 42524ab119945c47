-- The comments' one order, section then random key (see CommentRepository), read a page at a time.
CREATE INDEX anonymous_comment_section_order ON anonymous_comment (section_code, id);
