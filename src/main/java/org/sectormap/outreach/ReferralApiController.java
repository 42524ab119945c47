package org.sectormap.outreach;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralApiController {

    private final ReferralService referrals;
    private final MessageSource messages;

    ReferralApiController(ReferralService referrals, MessageSource messages) {
        this.referrals = referrals;
        this.messages = messages;
    }

    record ReferredBy(Long referredBy) {
    }

    @GetMapping("/api/organisations/{id}/referrals")
    ReferralService.Referrals of(@PathVariable long id) {
        return referrals.of(id);
    }

    @PutMapping(path = "/api/organisations/{id}/referred-by", consumes = "application/json")
    ResponseEntity<?> set(@PathVariable long id, @RequestBody ReferredBy body) {
        try {
            referrals.setReferrer(id, body.referredBy());
        } catch (ReferralService.RefusedReferral e) {
            String message = messages.getMessage(e.getMessage(), null, LocaleContextHolder.getLocale());
            return ResponseEntity.badRequest().body(Map.of("errors",
                    List.of(Map.of("field", "referredBy", "message", message))));
        }
        return ResponseEntity.ok(referrals.of(id));
    }

    @GetMapping("/api/referrals")
    ReferralService.Chains chains() {
        return referrals.chains();
    }
}
