package org.sectormap.comment;

/** A sector comment as an interview hands it over: its theme (the questionnaire section) and its text. */
public record NewComment(String sectionCode, String sectionTitle, String text) {
}
