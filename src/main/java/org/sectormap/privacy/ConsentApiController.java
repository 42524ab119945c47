package org.sectormap.privacy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.interview.Interview;
import org.sectormap.interview.InterviewService;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.ApiController;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Problem;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** An organisation's consent and lawful basis records, for scripts: the same fields and rules as the page. */
@ApiController
class ConsentApiController {

    private final ConsentService consents;
    private final ConsentRules rules;
    private final OrganisationService organisations;
    private final InterviewService interviews;

    ConsentApiController(ConsentService consents, ConsentRules rules, OrganisationService organisations,
            InterviewService interviews) {
        this.consents = consents;
        this.rules = rules;
        this.organisations = organisations;
        this.interviews = interviews;
    }

    @GetMapping("/api/organisations/{id}/consents")
    List<ConsentRecord> list(@PathVariable long id) {
        organisations.get(id);
        return consents.ofOrganisation(id);
    }

    /**
     * Read as the page's fields are typed: the interview's id as a number or as text, every other field
     * as text only, as the rest of the API takes it (true stored as "true", or a number as its digits,
     * would pass unseen).
     */
    @PostMapping(path = "/api/organisations/{id}/consents", consumes = "application/json")
    ResponseEntity<ConsentRecord> record(@PathVariable long id, @RequestBody Map<String, Object> body) {
        organisations.get(id);
        Map<String, String> typed = new HashMap<>();
        List<Problem> notValues = new ArrayList<>();
        body.forEach((field, value) -> {
            // A list or an object would be kept as Java's text of it ("[1]").
            if (value instanceof Map || value instanceof Collection) {
                notValues.add(Problem.of(field, "error.value.notSingle"));
            } else if (value != null && !(value instanceof String) && !"interview".equals(field)) {
                notValues.add(Problem.of(field, "error.body.kind", new DefaultMessageSourceResolvable("error.body.kind.text")));
            }
            typed.put(field, value == null ? null : value.toString());
        });
        if (!notValues.isEmpty()) {
            throw new InvalidInputException(notValues);
        }
        long consent = consents.record(rules.check(id, typed,
                interviews.ofOrganisation(id).stream().map(Interview::id).toList()));
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/consents"))
                .body(consents.get(id, consent));
    }
}
