package org.sectormap.outreach;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.ReferralLinks;
import org.sectormap.organisation.ReferralLinks.Named;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The snowball sample: which organisation gave the details of which. */
@Service
public class ReferralService {

    static final int CHOICES = 20;
    static final int NEVER_REFERRED_SHOWN = 1_000;

    /** The form's field, and the problems' field for the page and the API alike. */
    static final String REFERRER = "referrer";

    private final ReferralLinks referrals;
    private final OrganisationService organisations;
    private final Inputs inputs;

    ReferralService(ReferralLinks referrals, OrganisationService organisations, Inputs inputs) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.inputs = inputs;
    }

    record Referrals(Named referredBy, List<Named> referred) {
    }

    /** One organisation in a referral chain, with those it led to. */
    record Node(long id, String name, List<Node> referred) {
    }

    /** @param neverReferred the first {@link #NEVER_REFERRED_SHOWN} of them, by name */
    record Chains(List<Node> chains, long neverReferredCount, List<Named> neverReferred) {
    }


    /** @throws org.sectormap.shared.NotFoundException for an organisation that is not in the register */
    @Transactional(readOnly = true)
    Referrals of(long id) {
        organisations.get(id);
        return new Referrals(referrals.referrerOf(id).orElse(null), referrals.referredBy(id));
    }

    @Transactional(readOnly = true)
    List<Named> candidates(String text, long forOrganisation) {
        return text == null || text.isBlank() ? List.of() : referrals.find(text, forOrganisation, CHOICES);
    }

    /**
     * Records who referred an organisation, typed as the referrer's id, or nobody when blank.
     *
     * @throws InvalidInputException naming {@code referrer} for an unknown organisation, the
     *         organisation itself or one it led to, which would make a loop
     */
    @Transactional
    public void setReferrer(long id, String typedReferrer) {
        organisations.lockReferrals();
        organisations.get(id);
        Input in = inputs.read(field -> typedReferrer);
        Long referrerId = in.number(REFERRER, 1, Long.MAX_VALUE);
        if (referrerId != null) {
            refuseUnknownOrLoop(in, id, referrerId);
        }
        in.throwIfInvalid();
        organisations.setReferrer(id, referrerId);
    }

    private void refuseUnknownOrLoop(Input in, long id, long referrerId) {
        if (organisations.find(referrerId).isEmpty()) {
            in.problem(REFERRER, "referral.error.unknown");
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (Optional<Long> at = Optional.of(referrerId); at.isPresent(); at = referrals.referrerId(at.get())) {
            if (at.get() == id) {
                in.problem(REFERRER, referrerId == id ? "referral.error.self" : "referral.error.loop");
                return;
            }
            if (!seen.add(at.get())) {
                return;
            }
        }
    }

    /** Every chain from a first contact that led somewhere, and who was never reached through anyone. */
    @Transactional(readOnly = true)
    Chains chains() {
        Map<Long, List<ReferralLinks.Link>> children = new LinkedHashMap<>();
        List<ReferralLinks.Link> roots = new ArrayList<>();
        for (ReferralLinks.Link link : referrals.links()) {
            if (link.referredBy() == null) {
                roots.add(link);
            } else {
                children.computeIfAbsent(link.referredBy(), k -> new ArrayList<>()).add(link);
            }
        }
        return new Chains(roots.stream().map(r -> node(r, children)).toList(), referrals.countNeverReferred(),
                referrals.neverReferred(NEVER_REFERRED_SHOWN));
    }

    private static Node node(ReferralLinks.Link link, Map<Long, List<ReferralLinks.Link>> children) {
        return new Node(link.id(), link.name(), children.getOrDefault(link.id(), List.of()).stream()
                .map(child -> node(child, children)).toList());
    }
}
