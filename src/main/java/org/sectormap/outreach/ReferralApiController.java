package org.sectormap.outreach;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Problem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
class ReferralApiController {

    private final ReferralService referrals;

    ReferralApiController(ReferralService referrals) {
        this.referrals = referrals;
    }

    record ReferredBy(Long referredBy) {
    }

    @GetMapping("/api/organisations/{id}/referrals")
    ReferralService.Referrals of(@PathVariable long id) {
        return referrals.of(id);
    }

    @PutMapping(path = "/api/organisations/{id}/referred-by", consumes = "application/json")
    ReferralService.Referrals set(@PathVariable long id, @RequestBody ReferredBy body) {
        try {
            referrals.setReferrer(id, body.referredBy() == null ? null : String.valueOf(body.referredBy()));
        } catch (InvalidInputException e) {
            // The body names the referrer referredBy, where the form names it referrer.
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new Problem("referredBy", p.messageKey(), p.args())).toList());
        }
        return referrals.of(id);
    }

    @GetMapping("/api/referrals")
    ReferralService.Chains chains() {
        return referrals.chains();
    }
}
