package org.sectormap.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sectormap.organisation.OrganisationField;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Checks a consent or lawful basis record, and a withdrawal, as typed. */
@Component
class ConsentRules {

    static final int TEXT_LENGTH = 1000;

    private final Inputs inputs;

    ConsentRules(Inputs inputs) {
        this.inputs = inputs;
    }

    /**
     * @param interviews the ids of the organisation's interviews, one of which the record may be about
     * @throws InvalidInputException naming each field in error
     */
    ConsentRecord check(long organisationId, Map<String, String> typed, List<Long> interviews) {
        Input in = inputs.read("consent", typed);
        String name = in.line("personName", 200);
        String email = in.line("personEmail", 320);
        // Checked as the organisation's email is, so the same address is refused or taken on both forms.
        if (email != null && !OrganisationField.Kind.EMAIL.fits(email)) {
            in.problem("personEmail", OrganisationField.Kind.EMAIL.invalidKey(), email);
            email = null;
        }
        if (name == null && email == null && !in.has("personName") && !in.has("personEmail")) {
            in.problem("personName", "consent.error.person.required");
        }
        Long interview = in.number("interview", 1, Long.MAX_VALUE);
        if (interview != null && !interviews.contains(interview)) {
            in.problem("interview", "consent.error.interview.unknown");
        }
        LawfulBasis basis = in.choice(LawfulBasis.class, "basis", "consent.error.basis.required");
        LocalDate givenOn = in.date("givenOn", "consent.error.givenOn.required");
        String givenHow = in.text("givenHow", TEXT_LENGTH);
        if (givenHow == null && !in.has("givenHow")) {
            in.problem("givenHow", "consent.error.givenHow.required");
        }
        String purpose = in.text("purpose", TEXT_LENGTH);
        if (purpose == null && !in.has("purpose")) {
            in.problem("purpose", "consent.error.purpose.required");
        }
        in.throwIfInvalid();
        return new ConsentRecord(0, organisationId, interview, name, email, basis, givenOn, givenHow, purpose, null);
    }

    /** @throws InvalidInputException when the date is missing, not real, in the future or before it was given */
    LocalDate withdrawal(ConsentRecord consent, Map<String, String> typed) {
        Input in = inputs.read("consent", typed);
        LocalDate on = in.date("withdrawnOn", "consent.error.withdrawnOn.required");
        if (on != null && on.isBefore(consent.givenOn())) {
            in.problem("withdrawnOn", "consent.error.withdrawnOn.beforeGiven");
        }
        in.throwIfInvalid();
        return on;
    }
}
