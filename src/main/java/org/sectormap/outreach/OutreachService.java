package org.sectormap.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.sectormap.shared.PageCount;
import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.organisation.ContactsByName;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OrganisationsMerged;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.Problem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OutreachService {

    /** The morning list is for working through, not for browsing the register. */
    static final int DUE_LIMIT = 200;

    private final ContactAttemptRepository attempts;
    private final OrganisationService organisations;
    private final ContactsByName contacts;
    private final ContactAttemptRules rules;
    private final Clock clock;
    private final AuditTrail audit;

    OutreachService(ContactAttemptRepository attempts, OrganisationService organisations, ContactsByName contacts,
            ContactAttemptRules rules, Clock clock, AuditTrail audit) {
        this.contacts = contacts;
        this.audit = audit;
        this.attempts = attempts;
        this.organisations = organisations;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Logs an attempt and, if asked, moves the organisation to listed or unreachable in the same
     * transaction, so the history and the status never disagree.
     */
    @Transactional
    long record(long organisationId, ContactAttemptRules.Attempt attempt, OutreachStatus newStatus) {
        organisations.hold(organisationId);
        long id = attempts.insert(organisationId, attempt);
        audit.created(audited(organisationId, id), values(attempt));
        if (newStatus != null) {
            organisations.markContacted(organisationId, newStatus);
        }
        return id;
    }

    /**
     * Checks an attempt as typed (by the API, or a file such as the demo data) with the form's
     * rules and logs it; the organisation's status is left as it is.
     *
     * @throws InvalidInputException naming each field in error, when nothing is logged
     */
    @Transactional
    public ContactAttempt log(long organisationId, ContactAttemptForm typed) {
        organisations.get(organisationId);
        ContactAttemptRules.Result result = rules.check(typed);
        if (!result.problems().isEmpty()) {
            throw new InvalidInputException(result.problems());
        }
        ContactAttemptRules.Attempt a = result.attempt();
        long id = record(organisationId, a, null);
        return new ContactAttempt(id, organisationId, a.attemptedOn(), a.method(), a.outcome(), a.note(), a.dueOn());
    }

    /**
     * What the form's rules find wrong with an attempt as typed, field by field ({@code attemptedOn},
     * {@code method}, {@code outcome}, {@code note}): empty when {@link #logAll} would take it.
     */
    public List<Problem> check(ContactAttemptForm typed) {
        return rules.check(typed).problems();
    }

    /** An attempt as typed, on the organisation it is for. */
    public record TypedAttempt(long organisationId, ContactAttemptForm attempt) {
    }

    /**
     * Logs every attempt or, when any breaks the form's rules or names no organisation, none: an
     * import's. Statuses are left as they are, as {@link #log} leaves them. The trail gets one
     * "created" entry per attempt without its values, as an import of organisations does: they are
     * the attempt's values until a change keeps them as its "before".
     *
     * @return how many were logged
     * @throws InvalidInputException naming the fields of the first attempt in error
     */
    @Transactional
    public int logAll(List<TypedAttempt> all) {
        Set<Long> known = new HashSet<>();
        List<Audited> logged = new ArrayList<>();
        for (TypedAttempt typed : all) {
            if (known.add(typed.organisationId())) {
                organisations.hold(typed.organisationId());
            }
            ContactAttemptRules.Result result = rules.check(typed.attempt());
            if (!result.problems().isEmpty()) {
                throw new InvalidInputException(result.problems());
            }
            long id = attempts.insert(typed.organisationId(), result.attempt());
            logged.add(Audited.of(AuditKind.CONTACT_ATTEMPT, id)
                    .partOf(OrganisationService.audited(typed.organisationId())));
        }
        audit.createdAll(logged);
        return all.size();
    }

    /**
     * Changes an attempt logged in error, and finds the organisation's latest attempt again, which the
     * morning list goes by. The outreach status is left as it is: it is changed on the record's form.
     */
    @Transactional
    void change(long organisationId, long id, ContactAttemptRules.Attempt attempt) {
        organisations.hold(organisationId);
        ContactAttempt before = get(organisationId, id);
        attempts.update(id, attempt);
        attempts.findLatestAgain(organisationId);
        audit.changed(audited(organisationId, id), values(before.logged()), values(attempt));
    }

    /** Deletes an attempt logged in error, and finds the organisation's latest attempt again. */
    @Transactional
    void delete(long organisationId, long id) {
        organisations.hold(organisationId);
        ContactAttempt before = get(organisationId, id);
        attempts.delete(id);
        attempts.findLatestAgain(organisationId);
        audit.deleted(audited(organisationId, id), values(before.logged()));
    }

    /** @throws NotFoundException when the organisation has no such attempt */
    @Transactional(readOnly = true)
    ContactAttempt get(long organisationId, long id) {
        return attempts.find(organisationId, id).orElseThrow(() -> new NotFoundException("error.notFound.attempt", id));
    }

    private static Audited audited(long organisationId, long id) {
        return Audited.of(AuditKind.CONTACT_ATTEMPT, id).partOf(OrganisationService.audited(organisationId));
    }

    private static Map<String, Object> values(ContactAttemptRules.Attempt attempt) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("attemptedOn", attempt.attemptedOn());
        values.put("method", attempt.method());
        values.put("outcome", attempt.outcome());
        values.put("note", attempt.note() == null ? "" : attempt.note());
        values.put("dueOn", attempt.dueOn());
        return values;
    }

    @Transactional(readOnly = true)
    public List<ContactAttempt> history(long organisationId) {
        return attempts.history(organisationId);
    }

    /** Attempts whose note holds any of the texts, ignoring case: for a subject access request. */
    @Transactional(readOnly = true)
    public List<ContactAttempt> mentioning(List<String> texts) {
        return texts.isEmpty() ? List.of() : attempts.mentioning(texts);
    }

    /** Rewrites an attempt's note, as an erasure of the person it names does. */
    @Transactional
    public void changeNote(ContactAttempt attempt, String note) {
        attempts.changeNote(attempt.id(), note);
        audit.changed(Audited.of(AuditKind.CONTACT_ATTEMPT, attempt.id())
                .partOf(OrganisationService.audited(attempt.organisationId())),
                Map.of("note", attempt.note() == null ? "" : attempt.note()), Map.of("note", note == null ? "" : note));
    }

    private static final List<OutreachStatus> UNSETTLED = ContactAttemptRepository.UNSETTLED_STATUSES;
    /** Organisations read at a time when looking for those never tried. */
    private static final int NEVER_TRIED_BATCH = 1_000;

    /** How many organisations are still to settle, from the tally, where a count read 400,000 rows at a million. */
    @Transactional(readOnly = true)
    long countOpen() {
        return UNSETTLED.stream().mapToLong(s -> organisations.count(OrganisationQuery.withStatus(s))).sum();
    }

    /**
     * Something arranged and due by today first (a call back for a later day waits for it), oldest
     * first; then those never tried, by name; then those whose latest attempt is older than the days,
     * oldest first: up to {@link #DUE_LIMIT} in all. Its statements read
     * one snapshot, so that an attempt logged meanwhile cannot move a record between the groups, nor
     * leave a group short of a page between the day its page ends on and the page itself.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    List<ContactAttemptRepository.Due> due(int days) {
        LocalDate today = LocalDate.now(clock);
        LocalDate cutOff = today.minusDays(days);
        List<ContactAttemptRepository.Due> due = new ArrayList<>(attempts.latestUnsettled(true, cutOff, today,
                DUE_LIMIT));
        neverTried(due);
        if (due.size() < DUE_LIMIT) {
            due.addAll(attempts.latestUnsettled(false, cutOff, today, DUE_LIMIT - due.size()));
        }
        return due;
    }

    /**
     * Adds those still to settle that have no attempt, by name, until the list is full: the register is
     * read in name order a batch at a time and each batch's attempts looked up, since no index can
     * hold the organisations that have none.
     */
    private void neverTried(List<ContactAttemptRepository.Due> due) {
        ContactsByName.Contact last = null;
        while (due.size() < DUE_LIMIT) {
            List<ContactsByName.Contact> batch = contacts.next(UNSETTLED, last, NEVER_TRIED_BATCH);
            Set<Long> tried = attempts.latest(batch.stream().map(ContactsByName.Contact::id).toList()).keySet();
            batch.stream().filter(c -> !tried.contains(c.id())).limit(DUE_LIMIT - due.size())
                    .forEach(c -> due.add(new ContactAttemptRepository.Due(c.id(), c.name(), c.status(), c.phone(),
                            c.email(), c.contactName(), null, null, null)));
            if (batch.size() < NEVER_TRIED_BATCH) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /** Those keen for follow-up, a page at a time. */
    static final int FOLLOW_UP_PAGE = 100;

    /** A page of those keen for follow-up, and how many they are in all. */
    public record KeenPage(List<ContactAttemptRepository.Due> organisations, long total, int page) {

        public int pageCount() {
            return PageCount.of(total, FOLLOW_UP_PAGE);
        }
    }

    /**
     * The page comes from the register's list, filtered on the tick box, which reads a page through an
     * index or H2's search index where reading the view sorted every one of them (5 s at a million on
     * H2, none keen), and its total from the tally; then the latest attempt of each of its hundred.
     */
    @Transactional(readOnly = true)
    KeenPage keenForFollowUp(int page) {
        OrganisationService.Page keen = organisations.search(OrganisationQuery.keenForFollowUp()
                .atPage(page, FOLLOW_UP_PAGE));
        Map<Long, ContactAttemptRepository.Latest> latest = attempts.latest(
                keen.items().stream().map(Organisation::id).toList());
        return new KeenPage(keen.items().stream().map(o -> due(o, latest.get(o.id()))).toList(), keen.total(), page);
    }

    private static ContactAttemptRepository.Due due(Organisation o, ContactAttemptRepository.Latest latest) {
        OrganisationDetails d = o.details();
        return new ContactAttemptRepository.Due(o.id(), d.name(), (OutreachStatus) d.get(OrganisationField.STATUS),
                (String) d.get(OrganisationField.PHONE), (String) d.get(OrganisationField.EMAIL),
                (String) d.get(OrganisationField.CONTACT_NAME), latest == null ? null : latest.attemptedOn(),
                latest == null ? null : latest.outcome(), latest == null ? null : latest.dueOn());
    }

    /** Everyone keen for follow-up, by name, for a download that never holds them all. */
    @Transactional(readOnly = true)
    void forEachKeenForFollowUp(Consumer<ContactAttemptRepository.Due> consumer) {
        attempts.forEachKeenForFollowUp(consumer);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A merged organisation's contact attempts become the kept one's, inside the merge's transaction. */
    @EventListener
    void merged(OrganisationsMerged merge) {
        attempts.moveOrganisation(merge.merged(), merge.kept());
    }
}
