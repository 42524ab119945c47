package org.sectormap.interview;

import java.time.LocalDate;
import java.util.List;

import org.sectormap.organisation.InterviewMode;

/**
 * An interview held with an organisation and the answers it gave about itself. Answers about the
 * wider sector are not here: they became anonymous comments when the interview was recorded.
 *
 * @param intervieweeName only ever present when {@code nameConsent} is true
 */
public record Interview(long id, long organisationId, LocalDate heldOn, InterviewMode mode, String intervieweeRole,
        boolean nameConsent, String intervieweeName, String interviewer, boolean fullInterview, boolean followUp,
        CypBoard cypBoard, boolean wellInformed, boolean statutoryWork, List<Answer> answers) {

    /** An answer with the question exactly as it was asked. */
    public record Answer(String sectionCode, String sectionTitle, String question, String text) {
    }
}
