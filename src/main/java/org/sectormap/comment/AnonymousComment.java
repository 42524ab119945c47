package org.sectormap.comment;

/**
 * Something an interviewee said about the wider sector. It carries its theme (the questionnaire
 * section it answered) and its text, and nothing that could lead back to who said it.
 *
 * @param recordedMonth yyyy-mm, the finest the time is kept
 */
public record AnonymousComment(String id, String sectionCode, String sectionTitle, String text,
        String recordedMonth, boolean quote) {
}
