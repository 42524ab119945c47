package org.sectormap.comment;

/**
 * Something an interviewee said about the wider sector. It carries its theme (the questionnaire
 * section it answered) and its text, and nothing that could lead back to who said it, not even
 * when: it was released with the comments of several interviews, and keeps no month.
 */
public record AnonymousComment(String id, String sectionCode, String sectionTitle, String text, boolean quote) {
}
