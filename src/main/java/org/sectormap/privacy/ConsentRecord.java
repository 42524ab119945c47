package org.sectormap.privacy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why we may keep one person's data: a contact of the organisation, or the interviewee of one of
 * its interviews when {@code interviewId} is set. Name or email, or both, say who.
 */
public record ConsentRecord(long id, long organisationId, Long interviewId, String personName, String personEmail,
        LawfulBasis basis, LocalDate givenOn, String givenHow, String purpose, LocalDate withdrawnOn) {

    ConsentRecord withdrawn(LocalDate on) {
        return new ConsentRecord(id, organisationId, interviewId, personName, personEmail, basis, givenOn, givenHow,
                purpose, on);
    }

    ConsentRecord withTexts(String newGivenHow, String newPurpose) {
        return new ConsentRecord(id, organisationId, interviewId, personName, personEmail, basis, givenOn, newGivenHow,
                newPurpose, withdrawnOn);
    }

    /** The values as the audit trail keeps them. */
    Map<String, Object> audited() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("interview", interviewId);
        values.put("personName", personName);
        values.put("personEmail", personEmail);
        values.put("basis", basis);
        values.put("givenOn", givenOn);
        values.put("givenHow", givenHow);
        values.put("purpose", purpose);
        values.put("withdrawnOn", withdrawnOn);
        return values;
    }
}
