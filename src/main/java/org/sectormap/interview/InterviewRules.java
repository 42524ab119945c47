package org.sectormap.interview;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sectormap.interview.Questionnaire.Question;
import org.sectormap.interview.Questionnaire.Section;
import org.sectormap.organisation.InterviewMode;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Component;

/**
 * Reads an interview form: the interview's own fields, then one answer per question, each marked
 * as about the organisation (kept against it) or about the wider sector (kept anonymously).
 */
@Component
class InterviewRules {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static final String ANSWER = "answer-";
    static final String ABOUT = "about-";
    static final String ABOUT_ORGANISATION = "organisation";
    static final String ABOUT_SECTOR = "sector";
    static final String UNKNOWN_QUESTION = "interview.error.unknownQuestion";
    static final int SHORT = 200;
    static final int ANSWER_LENGTH = 10_000;

    private final Inputs inputs;

    InterviewRules(Inputs inputs) {
        this.inputs = inputs;
    }

    /** An answer for the wider sector, to be stored with its theme and text only. */
    record SectorComment(String sectionCode, String sectionTitle, String text) {
    }

    /**
     * @param warnings answers whose anonymous text names the organisation; saving needs a second,
     *                 deliberate submit
     */
    record Result(Interview interview, List<SectorComment> comments, List<Problem> problems, List<Problem> warnings) {
    }

    Result check(Map<String, String> form, Questionnaire questionnaire, long organisationId, String organisationName) {
        Input in = inputs.read(form);
        LocalDate heldOn = in.date("heldOn", "interview.error.heldOn.required");
        InterviewMode mode = in.choice(InterviewMode.class, "mode", "interview.error.mode.required");
        CypBoard cypBoard = in.choice(CypBoard.class, "cypBoard", "interview.error.cypBoard.required");
        String role = in.line("intervieweeRole", SHORT);
        String interviewer = in.line("interviewer", SHORT);
        boolean consent = ticked(in, "nameConsent");
        String name = in.line("intervieweeName", SHORT);
        if (name != null && !consent) {
            in.problem("intervieweeName", "interview.error.nameWithoutConsent");
        }
        unknownQuestions(in, form, questionnaire);

        List<Interview.Answer> answers = new ArrayList<>();
        List<SectorComment> comments = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        boolean confirmed = ticked(in, "confirmAnonymous");
        for (Question question : questionnaire.questions()) {
            String field = ANSWER + question.id();
            String text = in.text(field, ANSWER_LENGTH);
            if (text == null) {
                continue;
            }
            Section section = questionnaire.sectionOf(question);
            // Only an explicit choice decides where an answer goes: a mistyped one must not attribute it.
            String about = in.raw(ABOUT + question.id());
            if (about == null || !Set.of(ABOUT_ORGANISATION, ABOUT_SECTOR).contains(about.toLowerCase(Locale.ROOT))) {
                in.problem(ABOUT + question.id(), "interview.error.about", question.text());
            } else if (ABOUT_SECTOR.equalsIgnoreCase(about)) {
                if (!confirmed && names(text, organisationName)) {
                    warnings.add(Problem.of(field, "interview.warning.namesOrganisation", organisationName));
                }
                comments.add(new SectorComment(section.code(), section.title(), text));
            } else {
                answers.add(new Interview.Answer(section.code(), section.title(), question.text(), text));
            }
        }
        Interview interview = in.valid() ? new Interview(0, organisationId, heldOn, mode, role, consent,
                consent ? name : null, interviewer, ticked(in, "fullInterview"), ticked(in, "followUp"), cypBoard,
                ticked(in, "wellInformed"), ticked(in, "statutoryWork"), answers) : null;
        return new Result(interview, comments, in.problems(), warnings);
    }

    /** An answer to a question the questionnaire does not have would otherwise be dropped unseen. */
    private static void unknownQuestions(Input in, Map<String, String> form, Questionnaire questionnaire) {
        Set<String> known = questionnaire.questions().stream().map(q -> String.valueOf(q.id()))
                .collect(Collectors.toSet());
        // Once a question, under its answer's field, though its answer and what it is about both name it.
        form.keySet().stream().filter(key -> key.startsWith(ANSWER) || key.startsWith(ABOUT))
                .map(key -> key.substring(key.indexOf('-') + 1)).filter(id -> !known.contains(id))
                .distinct().sorted()
                .forEach(id -> in.problem(ANSWER + id, UNKNOWN_QUESTION, id));
    }

    /**
     * Whether the text names the organisation, its words in order, whatever the case, accents,
     * apostrophes and other punctuation between them: "Zeta Women's Group" is named by "zeta womens
     * group", which a plain match let through.
     */
    private static boolean names(String text, String organisationName) {
        String name = words(organisationName);
        return !name.isBlank() && (" " + words(text) + " ").contains(" " + name + " ");
    }

    /** The text's letters and digits, folded, in words one space apart. */
    private static String words(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORDS.matcher(APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll(" ")
                .strip();
    }

    private static boolean ticked(Input in, String field) {
        return Boolean.TRUE.equals(in.tick(field));
    }
}
