package org.sectormap.interview;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The interview's values as the audit trail keeps them: the answers, and nothing of its comments. */
    Map<String, Object> audited() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("heldOn", heldOn);
        values.put("interviewMode", mode);
        values.put("intervieweeRole", intervieweeRole);
        values.put("nameConsent", nameConsent);
        values.put("intervieweeName", intervieweeName);
        values.put("interviewer", interviewer);
        values.put("fullInterview", fullInterview);
        values.put("followUp", followUp);
        values.put("cypBoard", cypBoard);
        values.put("wellInformed", wellInformed);
        values.put("statutoryWork", statutoryWork);
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            values.put("answer-" + (i + 1), answer.question() + " " + answer.text());
        }
        return values;
    }

    /** An answer with the question exactly as it was asked. */
    public record Answer(String sectionCode, String sectionTitle, String question, String text) {
    }
}
