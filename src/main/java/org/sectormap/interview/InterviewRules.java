package org.sectormap.interview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectormap.interview.Questionnaire.Question;
import org.sectormap.interview.Questionnaire.Section;
import org.sectormap.organisation.FieldChecks;
import org.sectormap.organisation.FormErrors;
import org.sectormap.organisation.InterviewMode;
import org.springframework.stereotype.Component;

/**
 * Reads an interview form: the interview's own fields, then one answer per question, each marked
 * as about the organisation (kept against it) or about the wider sector (kept anonymously).
 */
@Component
class InterviewRules {

    static final String ABOUT_SECTOR = "sector";
    static final int SHORT = 200;
    static final int ANSWER = 10_000;

    private final FieldChecks checks;

    InterviewRules(FieldChecks checks) {
        this.checks = checks;
    }

    /** An answer for the wider sector, to be stored with its theme and text only. */
    record SectorComment(String sectionCode, String sectionTitle, String text) {
    }

    /**
     * @param warnings fields whose anonymous text names the organisation; saving needs a second,
     *                 deliberate submit
     */
    record Result(Interview interview, List<SectorComment> comments, List<FormErrors.Entry> errors,
            List<FormErrors.Entry> warnings) {
    }

    Result check(Map<String, String> form, Questionnaire questionnaire, long organisationId, String organisationName) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        List<FormErrors.Entry> warnings = new ArrayList<>();
        LocalDate heldOn = checks.pastDate("heldOn", form.get("heldOn"), "interview.error.heldOn.required", errors);
        InterviewMode mode = checks.choice(InterviewMode.class, "mode", form.get("mode"), "interview.error", errors);
        CypBoard cypBoard = checks.choice(CypBoard.class, "cypBoard", form.get("cypBoard"), "interview.error", errors);
        String role = text(form, "intervieweeRole", SHORT, errors);
        String interviewer = text(form, "interviewer", SHORT, errors);
        boolean consent = ticked(form, "nameConsent");
        String name = text(form, "intervieweeName", SHORT, errors);
        if (name != null && !consent) {
            errors.add(error("intervieweeName", "interview.error.nameWithoutConsent"));
        }

        List<Interview.Answer> answers = new ArrayList<>();
        List<SectorComment> comments = new ArrayList<>();
        boolean confirmed = ticked(form, "confirmAnonymous");
        for (Question question : questionnaire.questions()) {
            String field = "answer-" + question.id();
            String text = text(form, field, ANSWER, errors);
            if (text == null) {
                continue;
            }
            Section section = questionnaire.sectionOf(question);
            if (ABOUT_SECTOR.equals(form.get("about-" + question.id()))) {
                if (!confirmed && names(text, organisationName)) {
                    warnings.add(error(field, "interview.warning.namesOrganisation", organisationName));
                }
                comments.add(new SectorComment(section.code(), section.title(), text));
            } else {
                answers.add(new Interview.Answer(section.code(), section.title(), question.text(), text));
            }
        }
        Interview interview = errors.isEmpty() ? new Interview(0, organisationId, heldOn, mode, role, consent,
                consent ? name : null, interviewer, ticked(form, "fullInterview"), ticked(form, "followUp"), cypBoard,
                ticked(form, "wellInformed"), ticked(form, "statutoryWork"), answers) : null;
        return new Result(interview, comments, errors, warnings);
    }

    private static boolean names(String text, String organisationName) {
        return text.toLowerCase(Locale.ROOT).contains(organisationName.strip().toLowerCase(Locale.ROOT));
    }

    private String text(Map<String, String> form, String field, int max, List<FormErrors.Entry> errors) {
        return checks.text(field, form.get(field), max, errors);
    }

    private static boolean ticked(Map<String, String> form, String field) {
        return "yes".equals(form.get(field));
    }

    private FormErrors.Entry error(String field, String key, Object... args) {
        return checks.error(field, key, args);
    }
}
