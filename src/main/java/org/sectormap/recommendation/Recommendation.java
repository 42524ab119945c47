package org.sectormap.recommendation;

import java.time.LocalDate;
import java.util.List;

import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.Theme;

/** A recommendation with the evidence behind it and the history of what became of it. */
public record Recommendation(long id, long groupId, int number, String text, RecommendationStatus status,
        List<Theme> themes, List<AnonymousComment> comments, List<Note> notes) {

    public record Note(LocalDate notedOn, RecommendationStatus status, String note) {
    }

    /** As a viewer reads it: neither the themes nor the comments behind it, which are not theirs to read. */
    public Recommendation withoutEvidence() {
        return new Recommendation(id, groupId, number, text, status, List.of(), List.of(), notes);
    }

    /** A heading and the recommendations under it, in number order. */
    public record Group(long id, int position, String heading, String addressedTo, List<Recommendation> items) {

        public Group withoutEvidence() {
            return new Group(id, position, heading, addressedTo, items.stream().map(Recommendation::withoutEvidence).toList());
        }
    }
}
