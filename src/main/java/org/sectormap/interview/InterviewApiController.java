package org.sectormap.interview;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationNotFoundException;
import org.sectormap.organisation.OrganisationService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InterviewApiController {

    private final InterviewService interviews;
    private final QuestionnaireService questionnaire;
    private final OrganisationService organisations;
    private final InterviewRules rules;

    InterviewApiController(InterviewService interviews, QuestionnaireService questionnaire,
            OrganisationService organisations, InterviewRules rules) {
        this.interviews = interviews;
        this.questionnaire = questionnaire;
        this.organisations = organisations;
        this.rules = rules;
    }

    /** @param about "organisation" (kept against it) or "sector" (kept as an anonymous comment) */
    record AnswerJson(long questionId, String text, String about) {
    }

    /** Tick boxes left out of the JSON are not ticked. */
    record InterviewJson(String heldOn, String mode, String intervieweeRole, Boolean nameConsent,
            String intervieweeName, String interviewer, Boolean fullInterview, Boolean followUp, String cypBoard,
            Boolean wellInformed, Boolean statutoryWork, List<AnswerJson> answers, Boolean confirmAnonymous) {

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
            if (answers != null) {
                answers.forEach(a -> {
                    form.put("answer-" + a.questionId(), a.text());
                    form.put("about-" + a.questionId(), a.about());
                });
            }
            return form;
        }

        private static void tick(Map<String, String> form, String field, Boolean value) {
            if (Boolean.TRUE.equals(value)) {
                form.put(field, "yes");
            }
        }
    }

    @GetMapping("/api/organisations/{id}/interviews")
    List<Interview> ofOrganisation(@PathVariable long id) {
        load(id);
        return interviews.ofOrganisation(id);
    }

    /**
     * Records an interview. Answers about the wider sector are stored anonymously and are not in
     * the reply; one that names the organisation is refused (422) unless confirmAnonymous is true.
     */
    @PostMapping(path = "/api/organisations/{id}/interviews", consumes = "application/json")
    ResponseEntity<?> record(@PathVariable long id, @RequestBody InterviewJson body) {
        Organisation organisation = load(id);
        InterviewRules.Result result = rules.check(body.asForm(), questionnaire.current(), id,
                organisation.details().name());
        if (!result.errors().isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", result.errors()));
        }
        if (!result.warnings().isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("warnings", result.warnings()));
        }
        interviews.record(result.interview(), result.comments());
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/interviews"))
                .body(interviews.ofOrganisation(id).get(0));
    }

    private Organisation load(long id) {
        return organisations.find(id).orElseThrow(() -> new OrganisationNotFoundException(id));
    }
}
