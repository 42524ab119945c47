package org.sectormap.outreach;

import java.net.URI;
import java.util.List;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
class ContactAttemptApiController {

    private final OutreachService outreach;
    private final OrganisationService organisations;

    ContactAttemptApiController(OutreachService outreach, OrganisationService organisations) {
        this.outreach = outreach;
        this.organisations = organisations;
    }

    @GetMapping("/api/organisations/{id}/attempts")
    List<ContactAttempt> history(@PathVariable long id) {
        organisations.get(id);
        return outreach.history(id);
    }

    /** Logs an attempt; the status is changed from the page, where its consequences are shown. */
    @PostMapping(path = "/api/organisations/{id}/attempts", consumes = "application/json")
    ResponseEntity<ContactAttempt> record(@PathVariable long id, @RequestBody ContactAttemptForm form) {
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/attempts"))
                .body(outreach.log(id, form));
    }
}
