package org.sectormap.privacy;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.sectormap.audit.AuditEntry;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.interview.Interview;
import org.sectormap.interview.InterviewPersonalData;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.ContactAttempt;
import org.sectormap.outreach.OutreachService;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held about a person, found by their name or email address, and its erasure. Both
 * follow one set of rules ({@link #treatment}), so the confirmation page lists exactly what the
 * erasure changes. Anonymous comments are never searched: nothing links them to anyone.
 */
@Service
class PersonalData {

    /** The fields about the contact person alone: emptied, not redacted. */
    private static final Set<OrganisationField> ABOUT_THE_PERSON = EnumSet.of(OrganisationField.CONTACT_NAME,
            OrganisationField.CONTACT_ROLE, OrganisationField.EMAIL, OrganisationField.PHONE, OrganisationField.WEBSITE);
    /** About the organisation, never a person, or a configured value: kept even when it matches. */
    private static final Set<OrganisationField> KEPT = EnumSet.of(OrganisationField.NAME, OrganisationField.AREA,
            OrganisationField.POSTCODE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OrganisationService organisations;
    private final OutreachService outreach;
    private final InterviewPersonalData interviews;
    private final ConsentService consents;
    private final AuditTrail audit;
    private final Labels labels;

    PersonalData(OrganisationService organisations, OutreachService outreach, InterviewPersonalData interviews,
            ConsentService consents, AuditTrail audit, Labels labels) {
        this.organisations = organisations;
        this.outreach = outreach;
        this.interviews = interviews;
        this.consents = consents;
        this.audit = audit;
        this.labels = labels;
    }

    /** Every value mentioning the person, record by record; the audit trail's last. */
    @Transactional(readOnly = true)
    List<Finding> find(Mentions person) {
        List<Finding> found = new ArrayList<>();
        for (Organisation organisation : organisations.mentioning(person.texts())) {
            String record = labels.text("privacy.record.organisation", organisation.details().name());
            boolean contact = person.in((String) organisation.details().get(OrganisationField.CONTACT_NAME));
            for (OrganisationField field : OrganisationField.values()) {
                Object value = organisation.details().get(field);
                if (field.holdsText() && value != null && (person.in((String) value)
                        || contact && field == OrganisationField.CONTACT_ROLE)) {
                    found.add(new Finding("organisation", organisation.id(), record, labels.text(field.messageKey()),
                            (String) value, treatment(field)));
                }
            }
        }
        for (ContactAttempt attempt : outreach.mentioning(person.texts())) {
            found.add(new Finding("contact-attempt", attempt.organisationId(),
                    labels.text("privacy.record.attempt", name(attempt.organisationId()), attempt.attemptedOn().toString()),
                    labels.text("field.note"), attempt.note(), Treatment.REDACTED));
        }
        for (Interview interview : interviews.mentioning(person.texts())) {
            String record = labels.text("privacy.record.interview", name(interview.organisationId()),
                    interview.heldOn().toString());
            boolean named = person.in(interview.intervieweeName());
            addIf(found, named, interview, record, "intervieweeName", interview.intervieweeName());
            addIf(found, named || person.in(interview.intervieweeRole()), interview, record, "intervieweeRole",
                    interview.intervieweeRole());
            addIf(found, person.in(interview.interviewer()), interview, record, "interviewer", interview.interviewer());
            interview.answers().stream().filter(a -> person.in(a.text())).forEach(a -> found.add(new Finding(
                    "interview", interview.organisationId(), record, a.question(), a.text(), Treatment.REDACTED)));
        }
        for (ConsentRecord consent : consents.mentioning(person.texts())) {
            String record = labels.text("privacy.record.consent", name(consent.organisationId()),
                    labels.of(consent.basis()));
            for (String[] field : new String[][] {{"personName", consent.personName()},
                    {"personEmail", consent.personEmail()}, {"givenHow", consent.givenHow()},
                    {"purpose", consent.purpose()}}) {
                if (field[1] != null) {
                    found.add(new Finding("consent", consent.organisationId(), record, label("consent", field[0]),
                            field[1], Treatment.DELETED));
                }
            }
        }
        // The trail's values that mention them, then those of fields about them that need not (a role).
        Set<Finding> trail = new LinkedHashSet<>();
        audit.mentioning(person.texts()).forEach(entry -> trailValues(entry, trail, person::in));
        for (FieldsAboutThem held : fieldsAboutThem(person)) {
            audit.fieldHistory(held.record(), held.fields()).forEach(entry -> trailValues(entry, trail, v -> v != null));
        }
        found.addAll(trail);
        return found;
    }

    private void trailValues(AuditEntry entry, Set<Finding> trail, Predicate<String> held) {
        String record = labels.text("privacy.record.audit", entry.id(), TIME.format(entry.occurredAt()),
                labels.of(entry.kind()), entry.recordId());
        for (AuditEntry.Change change : entry.changes()) {
            if (held.test(change.before())) {
                trail.add(new Finding("audit-trail", null, record, labels.text("privacy.audit.before", change.field()),
                        change.before(), Treatment.OVERWRITTEN));
            }
            if (held.test(change.after())) {
                trail.add(new Finding("audit-trail", null, record, labels.text("privacy.audit.after", change.field()),
                        change.after(), Treatment.OVERWRITTEN));
            }
        }
    }

    /** Fields of a record that the erasure clears as the person's, and whose every earlier value it overwrites. */
    private record FieldsAboutThem(Audited record, List<String> fields) {
    }

    /**
     * What an erasure clears as being about the person though it need not mention them: the role of an
     * organisation's contact who is the person, the role of an interviewee named as them, and the name and
     * email a deleted consent record kept side by side (erasing by one would leave the other).
     */
    private List<FieldsAboutThem> fieldsAboutThem(Mentions person) {
        List<FieldsAboutThem> held = new ArrayList<>();
        for (Organisation organisation : organisations.mentioning(person.texts())) {
            if (person.in((String) organisation.details().get(OrganisationField.CONTACT_NAME))) {
                held.add(new FieldsAboutThem(OrganisationService.audited(organisation.id()),
                        List.of(OrganisationField.CONTACT_ROLE.property())));
            }
        }
        for (Interview interview : interviews.mentioning(person.texts())) {
            if (person.in(interview.intervieweeName())) {
                held.add(new FieldsAboutThem(InterviewPersonalData.audited(interview), List.of("intervieweeRole")));
            }
        }
        for (ConsentRecord consent : consents.mentioning(person.texts())) {
            held.add(new FieldsAboutThem(ConsentService.audited(consent.organisationId(), consent.id()),
                    List.of("personName", "personEmail")));
        }
        return held;
    }

    /**
     * Removes the person from every record that mentions them, then overwrites every earlier value
     * in the audit trail that mentions them, including the "before" values the changes just made
     * wrote: all in one transaction, so a failure erases nothing.
     */
    @Transactional
    void erase(Mentions person) {
        String marker = labels.text("privacy.redacted");
        List<FieldsAboutThem> aboutThem = fieldsAboutThem(person);
        for (Organisation organisation : organisations.mentioning(person.texts())) {
            OrganisationDetails details = organisation.details();
            boolean contact = person.in((String) details.get(OrganisationField.CONTACT_NAME));
            for (OrganisationField field : OrganisationField.values()) {
                Object value = details.get(field);
                if (!field.holdsText() || value == null) {
                    continue;
                }
                if (contact && field == OrganisationField.CONTACT_ROLE) {
                    details = details.with(field, null);
                } else if (person.in((String) value)) {
                    details = switch (treatment(field)) {
                        case CLEARED -> details.with(field, null);
                        case REDACTED -> details.with(field, person.redact((String) value, marker));
                        default -> details;
                    };
                }
            }
            if (!details.equals(organisation.details())) {
                organisations.update(organisation.id(), organisation.version(), details);
            }
        }
        outreach.mentioning(person.texts()).forEach(a -> outreach.changeNote(a, person.redact(a.note(), marker)));
        for (Interview interview : interviews.mentioning(person.texts())) {
            boolean named = person.in(interview.intervieweeName());
            interviews.rewrite(interview, named ? null : interview.intervieweeName(),
                    named || person.in(interview.intervieweeRole()) ? null : interview.intervieweeRole(),
                    person.in(interview.interviewer()) ? null : interview.interviewer(),
                    text -> person.redact(text, marker));
        }
        consents.mentioning(person.texts()).forEach(consents::delete);
        organisations.eraseFromImportedUpdates(person.texts());
        organisations.eraseFromSearch(person.texts());
        // After the changes above, whose "before" values they wrote too.
        aboutThem.forEach(held -> audit.eraseFields(held.record(), held.fields()));
        audit.erase(person.texts());
    }

    /** What an erasure does to an organisation's field that mentions the person. */
    private static Treatment treatment(OrganisationField field) {
        return KEPT.contains(field) ? Treatment.KEPT
                : ABOUT_THE_PERSON.contains(field) ? Treatment.CLEARED : Treatment.REDACTED;
    }

    private void addIf(List<Finding> found, boolean mentioned, Interview interview, String record, String field,
            String value) {
        if (mentioned && value != null) {
            found.add(new Finding("interview", interview.organisationId(), record, label("interview", field), value,
                    Treatment.CLEARED));
        }
    }

    private String label(String form, String field) {
        return labels.message(Problem.label(form, field));
    }

    private String name(long organisationId) {
        return organisations.find(organisationId).map(o -> o.details().name()).orElse(String.valueOf(organisationId));
    }
}
