package org.sectormap.privacy;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.audit.AuditEntry;
import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.interview.Interview;
import org.sectormap.interview.InterviewPersonalData;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.ContactAttempt;
import org.sectormap.outreach.OutreachService;
import org.sectormap.shared.ConflictException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.dao.PessimisticLockingFailureException;
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
    /** The fields as the trail names them. */
    private static final String CONTACT_NAME = OrganisationField.CONTACT_NAME.property();
    private static final String CONTACT_ROLE = OrganisationField.CONTACT_ROLE.property();
    private static final String INTERVIEWEE_NAME = "intervieweeName";
    private static final String INTERVIEWEE_ROLE = "intervieweeRole";
    private static final String PERSON_NAME = "personName";
    private static final String PERSON_EMAIL = "personEmail";

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
        Mentioning records = mentioning(person);
        for (Organisation organisation : records.organisations()) {
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
        for (Interview interview : records.interviews()) {
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
        for (ConsentRecord consent : records.consents()) {
            String record = labels.text("privacy.record.consent", name(consent.organisationId()),
                    labels.of(consent.basis()));
            // Their own record goes whole; someone else's that mentions them keeps all but the mention.
            boolean theirs = names(person, consent);
            for (String[] field : new String[][] {{"personName", consent.personName()},
                    {"personEmail", consent.personEmail()}, {"givenHow", consent.givenHow()},
                    {"purpose", consent.purpose()}}) {
                if (field[1] != null && (theirs || person.in(field[1]))) {
                    found.add(new Finding("consent", consent.organisationId(), record, label("consent", field[0]),
                            field[1], theirs ? Treatment.DELETED : Treatment.REDACTED));
                }
            }
        }
        // The trail's values that mention them, then those about them that need not (a role).
        Set<Finding> trail = new LinkedHashSet<>();
        List<AuditEntry> mentioning = audit.mentioning(person.texts());
        for (AuditEntry entry : mentioning) {
            for (AuditEntry.Change change : entry.changes()) {
                if (person.in(change.before())) {
                    trail.add(trailFinding(entry, change.field(), true, change.before()));
                }
                if (person.in(change.after())) {
                    trail.add(trailFinding(entry, change.field(), false, change.after()));
                }
            }
        }
        heldWithoutNaming(person, records, mentioning).forEach(held -> trail.add(trailFinding(held.entry(),
                held.change().field(), held.before(), held.before() ? held.change().before() : held.change().after())));
        found.addAll(trail);
        return found;
    }

    private Finding trailFinding(AuditEntry entry, String field, boolean before, String value) {
        String record = labels.text("privacy.record.audit", entry.id(), TIME.format(entry.occurredAt()),
                labels.of(entry.kind()), entry.recordId());
        return new Finding("audit-trail", null, record, labels.text(before ? "privacy.audit.before" : "privacy.audit.after",
                field), value, Treatment.OVERWRITTEN);
    }

    /** The records mentioning the person, each kind read once for all that is asked of them. */
    private record Mentioning(List<Organisation> organisations, List<Interview> interviews,
            List<ConsentRecord> consents) {
    }

    private Mentioning mentioning(Mentions person) {
        return new Mentioning(organisations.mentioning(person.texts()), interviews.mentioning(person.texts()),
                consents.mentioning(person.texts()));
    }

    /** A value in the trail: an entry's change, before it or after. */
    private record Held(AuditEntry entry, AuditEntry.Change change, boolean before) {

        AuditTrail.Value value() {
            return new AuditTrail.Value(entry.id(), change.field(), before);
        }
    }

    /**
     * The trail's values that are the person's though they need not mention them: an organisation
     * contact's role while the contact was them, an interviewee's role while the interview named them,
     * and every name and email of a consent record that names them (its two ways of saying who). Found
     * record by record, from the records that mention them now and those whose entries do.
     */
    private List<Held> heldWithoutNaming(Mentions person, Mentioning records, List<AuditEntry> mentioning) {
        List<Held> held = new ArrayList<>();
        Map<String, String> contacts = new LinkedHashMap<>();
        records.organisations().forEach(o -> contacts.put(String.valueOf(o.id()),
                (String) o.details().get(OrganisationField.CONTACT_NAME)));
        for (String id : named(mentioning, AuditKind.ORGANISATION, CONTACT_NAME, person)) {
            if (!contacts.containsKey(id)) {
                // Its contact now (none once erased, or the organisation merged away), for the walk back.
                contacts.put(id, organisations.find(Long.parseLong(id))
                        .map(o -> (String) o.details().get(OrganisationField.CONTACT_NAME)).orElse(null));
            }
        }
        contacts.forEach((id, now) -> held.addAll(whileNamed(audit.fieldHistory(AuditKind.ORGANISATION, id,
                List.of(CONTACT_NAME, CONTACT_ROLE)), CONTACT_NAME, CONTACT_ROLE, now, person)));
        Map<String, String> interviewees = new LinkedHashMap<>();
        records.interviews().forEach(i -> interviewees.put(String.valueOf(i.id()), i.intervieweeName()));
        named(mentioning, AuditKind.INTERVIEW, INTERVIEWEE_NAME, person).forEach(id -> interviewees.putIfAbsent(id, null));
        interviewees.forEach((id, now) -> held.addAll(whileNamed(audit.fieldHistory(AuditKind.INTERVIEW, id,
                List.of(INTERVIEWEE_NAME, INTERVIEWEE_ROLE)), INTERVIEWEE_NAME, INTERVIEWEE_ROLE, now, person)));
        // A consent record that only mentions them (in its purpose, say) is someone else's: its name and email stay.
        Set<String> consented = new LinkedHashSet<>();
        records.consents().stream().filter(c -> names(person, c))
                .forEach(c -> consented.add(String.valueOf(c.id())));
        consented.addAll(named(mentioning, AuditKind.CONSENT, PERSON_NAME, person));
        consented.addAll(named(mentioning, AuditKind.CONSENT, PERSON_EMAIL, person));
        for (String id : consented) {
            for (AuditEntry entry : audit.fieldHistory(AuditKind.CONSENT, id, List.of(PERSON_NAME, PERSON_EMAIL))) {
                for (AuditEntry.Change change : entry.changes()) {
                    if (change.before() != null) {
                        held.add(new Held(entry, change, true));
                    }
                    if (change.after() != null) {
                        held.add(new Held(entry, change, false));
                    }
                }
            }
        }
        return held;
    }

    /** Whether the consent record is the person's own: its name or email is theirs. */
    private static boolean names(Mentions person, ConsentRecord consent) {
        return person.in(consent.personName()) || person.in(consent.personEmail());
    }

    /** The records of a kind whose entries name the person in that field. */
    private static Set<String> named(List<AuditEntry> mentioning, AuditKind kind, String field, Mentions person) {
        return mentioning.stream().filter(e -> e.kind() == kind)
                .filter(e -> e.changes().stream().anyMatch(c -> c.field().equals(field)
                        && (person.in(c.before()) || person.in(c.after()))))
                .map(AuditEntry::recordId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The values of {@code field} written while {@code nameField} named the person, walking a record's
     * history back from the name it holds now (null when gone or unknown): each change of the name says
     * who it was before and after, and in between it stays as it was.
     */
    private static List<Held> whileNamed(List<AuditEntry> history, String nameField, String field, String nameNow,
            Mentions person) {
        List<Held> held = new ArrayList<>();
        String name = nameNow;
        for (int i = history.size() - 1; i >= 0; i--) {
            AuditEntry entry = history.get(i);
            AuditEntry.Change renamed = entry.changes().stream().filter(c -> c.field().equals(nameField)).findFirst()
                    .orElse(null);
            String after = renamed == null ? name : renamed.after();
            String before = renamed == null ? name : renamed.before();
            for (AuditEntry.Change change : entry.changes()) {
                if (change.field().equals(field)) {
                    if (change.after() != null && person.in(after)) {
                        held.add(new Held(entry, change, false));
                    }
                    if (change.before() != null && person.in(before)) {
                        held.add(new Held(entry, change, true));
                    }
                }
            }
            name = before;
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
        try {
            organisations.lockSearchForErasure();
        } catch (PessimisticLockingFailureException e) {
            throw new ConflictException("privacy.error.busy");
        }
        String marker = labels.text("privacy.redacted");
        Mentioning records = mentioning(person);
        for (Organisation organisation : records.organisations()) {
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
        for (Interview interview : records.interviews()) {
            boolean named = person.in(interview.intervieweeName());
            interviews.rewrite(interview, named ? null : interview.intervieweeName(),
                    named || person.in(interview.intervieweeRole()) ? null : interview.intervieweeRole(),
                    person.in(interview.interviewer()) ? null : interview.interviewer(),
                    text -> person.redact(text, marker));
        }
        for (ConsentRecord consent : records.consents()) {
            if (names(person, consent)) {
                consents.delete(consent);
            } else {
                consents.redact(consent, text -> person.redact(text, marker));
            }
        }
        organisations.eraseFromImportedUpdates(person.texts());
        organisations.eraseFromSearch(person.texts());
        // After the changes above, whose "before" values are among them, and before the names are overwritten.
        // The records as they were: a walk back through each one's history starts past the erasure's own change.
        audit.eraseValues(heldWithoutNaming(person, records, audit.mentioning(person.texts())).stream().map(Held::value)
                .toList());
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
