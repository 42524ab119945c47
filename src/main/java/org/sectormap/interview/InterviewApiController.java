package org.sectormap.interview;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.ApiController;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
class InterviewApiController {

    private final InterviewService interviews;
    private final QuestionnaireService questionnaire;
    private final OrganisationService organisations;
    private final InterviewRules rules;
    private final Labels labels;

    InterviewApiController(InterviewService interviews, QuestionnaireService questionnaire,
            OrganisationService organisations, InterviewRules rules, Labels labels) {
        this.interviews = interviews;
        this.questionnaire = questionnaire;
        this.organisations = organisations;
        this.rules = rules;
        this.labels = labels;
    }

    /** @param about "organisation" (kept against it) or "sector" (kept as an anonymous comment); nothing else */
    record AnswerJson(Long questionId, String text, String about) {
    }

    /** Tick boxes left out of the JSON are not ticked. */
    record InterviewJson(String heldOn, String mode, String intervieweeRole, Boolean nameConsent,
            String intervieweeName, String interviewer, Boolean fullInterview, Boolean followUp, String cypBoard,
            Boolean wellInformed, Boolean statutoryWork, List<AnswerJson> answers, Boolean confirmAnonymous) {

        @Override
        public List<AnswerJson> answers() {
            return answers == null ? List.of() : answers;
        }

        /** The same fields the form posts, so the API and the page share one set of rules. */
        Map<String, String> asForm() {
            Map<String, String> form = new HashMap<>();
            form.put("heldOn", heldOn);
            form.put("mode", mode);
            form.put("intervieweeRole", intervieweeRole);
            form.put("intervieweeName", intervieweeName);
            form.put("interviewer", interviewer);
            form.put("cypBoard", cypBoard);
            tick(form, "nameConsent", nameConsent);
            tick(form, "fullInterview", fullInterview);
            tick(form, "followUp", followUp);
            tick(form, "wellInformed", wellInformed);
            tick(form, "statutoryWork", statutoryWork);
            tick(form, "confirmAnonymous", confirmAnonymous);
            for (AnswerJson a : answers()) {
                form.put(InterviewRules.ANSWER + a.questionId(), a.text());
                form.put(InterviewRules.ABOUT + a.questionId(), a.about());
            }
            return form;
        }

        /** A null in the answers: nothing to check it against, so it is refused before anything else. */
        List<Problem> nullAnswers() {
            List<Problem> problems = new ArrayList<>();
            for (int i = 0; i < answers().size(); i++) {
                if (answers().get(i) == null) {
                    problems.add(Problem.of("answers[" + i + "]", "interview.error.nullAnswer"));
                }
            }
            return problems;
        }

        /** A question answered twice in one body: the form cannot say so, as one field holds one answer. */
        List<Problem> repeatedQuestions() {
            List<Problem> problems = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < answers().size(); i++) {
                Long id = answers().get(i).questionId();
                if (id != null && !seen.add(id)) {
                    problems.add(Problem.of("answers[" + i + "].questionId", "interview.error.repeatedQuestion", id));
                }
            }
            return problems;
        }

        /** Problems in the body's own terms: {@code answers[2].about} rather than the form's {@code about-17}. */
        List<Problem> named(List<Problem> problems) {
            return problems.stream().map(p -> new Problem(jsonField(p), p.messageKey(), p.args())).toList();
        }

        private String jsonField(Problem problem) {
            for (int i = 0; i < answers().size(); i++) {
                String id = String.valueOf(answers().get(i).questionId());
                String prefix = "answers[" + i + "].";
                if (problem.messageKey().equals(InterviewRules.UNKNOWN_QUESTION)
                        && problem.field().endsWith("-" + id)) {
                    return prefix + "questionId";
                }
                if (problem.field().equals(InterviewRules.ANSWER + id)) {
                    return prefix + "text";
                }
                if (problem.field().equals(InterviewRules.ABOUT + id)) {
                    return prefix + "about";
                }
            }
            return problem.field();
        }

        private static void tick(Map<String, String> form, String field, Boolean value) {
            if (Boolean.TRUE.equals(value)) {
                form.put(field, "yes");
            }
        }
    }

    @GetMapping("/api/questionnaire")
    Questionnaire questionnaire() {
        return questionnaire.current();
    }

    @GetMapping("/api/organisations/{id}/interviews")
    List<Interview> ofOrganisation(@PathVariable long id) {
        organisations.get(id);
        return interviews.ofOrganisation(id);
    }

    /**
     * Records an interview and answers with it. Answers about the wider sector are stored
     * anonymously and are not in the reply; one that names the organisation is refused (422)
     * unless confirmAnonymous is true.
     */
    @PostMapping(path = "/api/organisations/{id}/interviews", consumes = "application/json")
    ResponseEntity<?> record(@PathVariable long id, @RequestBody InterviewJson body) {
        Organisation organisation = organisations.get(id);
        List<Problem> nullAnswers = body.nullAnswers();
        if (!nullAnswers.isEmpty()) {
            throw new InvalidInputException(nullAnswers);
        }
        InterviewRules.Result result = rules.check(body.asForm(), questionnaire.current(), id,
                organisation.details().name());
        List<Problem> problems = new ArrayList<>(body.named(result.problems()));
        problems.addAll(body.repeatedQuestions());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!result.warnings().isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(Map.of("warnings", labels.resolve(body.named(result.warnings()))));
        }
        long interviewId = interviews.record(result.interview(), result.comments());
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/interviews/" + interviewId))
                .body(interviews.find(id, interviewId).orElseThrow());
    }
}
