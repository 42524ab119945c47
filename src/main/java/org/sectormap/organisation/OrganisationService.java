package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.sectormap.shared.SignedIn;
import org.sectormap.shared.PageCount;
import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.RecordedInterviews;
import org.sectormap.shared.Problem;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.audit.Audited;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganisationService {

    private final OrganisationRepository repository;
    private final ReferralLinks referrals;
    private final AuditTrail audit;
    private final OrganisationParser parser;
    private final ImportedUpdates importedUpdates;
    private final RecordedInterviews interviews;

    OrganisationService(OrganisationRepository repository, ReferralLinks referrals, AuditTrail audit,
            OrganisationParser parser, ImportedUpdates importedUpdates, RecordedInterviews interviews) {
        this.interviews = interviews;
        this.repository = repository;
        this.referrals = referrals;
        this.audit = audit;
        this.parser = parser;
        this.importedUpdates = importedUpdates;
    }

    /** How the trail names an organisation, and the page on which its parts' changes show. */
    public static Audited audited(long id) {
        return Audited.of(AuditKind.ORGANISATION, id);
    }

    /** The organisation whose page this is, as the trail names pages; empty for any other page. */
    public static Optional<Long> onPage(String page) {
        return Audited.idOnPage(AuditKind.ORGANISATION, page).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf);
    }

    /**
     * A page of results and the size of the whole result, which a page alone cannot tell: an estimate
     * when not {@code exact} (on PostgreSQL, a text search matching more than a thousand records, or
     * under filters one whose sample puts it well past a thousand).
     */
    public record Page(List<Organisation> items, long total, boolean exact, OrganisationQuery query) {

        public int pageCount() {
            return PageCount.of(total, query.size());
        }
    }

    @Transactional(readOnly = true)
    public Page search(OrganisationQuery query) {
        OrganisationRepository.Found found = repository.search(asReadBy(query));
        return new Page(found.items(), found.total(), found.exact(), query);
    }

    /** How many organisations the query matches, counted exactly however many they are. */
    @Transactional(readOnly = true)
    public long count(OrganisationQuery query) {
        return repository.count(asReadBy(query));
    }

    /** A viewer's search is kept out of contacts' names, which they may not read. */
    private static OrganisationQuery asReadBy(OrganisationQuery query) {
        return SignedIn.viewer() && query.text() != null && !query.text().isBlank() ? query.withContactsHidden() : query;
    }

    /** Every match of the query, in list order, regardless of its page. */
    @Transactional(readOnly = true)
    public void forEach(OrganisationQuery query, Consumer<Organisation> consumer) {
        repository.forEach(query, consumer);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(long id) {
        return repository.find(id);
    }

    /** @throws org.sectormap.shared.NotFoundException when there is no such organisation */
    @Transactional(readOnly = true)
    public Organisation get(long id) {
        return repository.find(id).orElseThrow(() -> new OrganisationNotFoundException(id));
    }

    /**
     * Holds the record until the caller's transaction ends, so that what another feature keeps beside it
     * (its latest contact attempt) is written by one transaction at a time.
     *
     * @throws OrganisationNotFoundException when there is no such record
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(long id) {
        if (!repository.lock(id)) {
            throw new OrganisationNotFoundException(id);
        }
    }

    /** How many organisations the register holds, without those a transaction still open has added. */
    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** Organisations holding any of the texts in a text field, ignoring case: for a subject access request. */
    @Transactional(readOnly = true)
    public List<Organisation> mentioning(List<String> texts) {
        return texts.isEmpty() ? List.of() : repository.mentioning(texts);
    }

    @Transactional
    public long create(OrganisationDetails details) {
        long id = repository.insert(details);
        audit.created(audited(id), details.audited());
        return id;
    }

    private static final int BATCH = 1_000;

    /**
     * Adds every record or, if any insert fails, none.
     *
     * @param importId the import adding them, so that it can be undone; null when they come from no import
     */
    @Transactional
    public int createAll(List<OrganisationDetails> all, Long importId) {
        for (int from = 0; from < all.size(); from += BATCH) {
            audit.createdAll(repository.insertAll(all.subList(from, Math.min(all.size(), from + BATCH)), importId)
                    .stream().map(OrganisationService::audited).toList());
        }
        repository.analyseAfterAdding(all.size());
        return all.size();
    }

    /**
     * A record as a row of an import would leave it: the row's value for each field the file gives
     * and the row fills, the record's own for every other, checked as a whole by the form's rules
     * (a new status may not fit the record's exclusion reason, say).
     *
     * @param given the fields the file has columns for: a record's value stays where the file is silent
     */
    public ImportUpdate updateFor(Organisation existing, OrganisationDetails row, Set<OrganisationField> given) {
        OrganisationForm form = OrganisationForm.from(field -> OrganisationValues.text(
                given.contains(field) && row.get(field) != null ? row : existing.details(), field), existing.version());
        return new ImportUpdate(existing, parser.parse(form));
    }

    /** A row of an import that updates the record {@code id}, as read from the file. */
    public record ImportedRow(long id, OrganisationDetails row) {
    }

    /**
     * Updates each record with its row, as {@link #updateFor} merges them, from the record as it is
     * now (an earlier row may have just updated it), and notes what each held before so the import
     * can be undone. A row that would change nothing is left alone.
     *
     * @return how many records changed
     * @throws ImportUpdateRefusedException when a row would leave its record breaking the rules
     */
    @Transactional
    public int updateAll(List<ImportedRow> rows, Set<OrganisationField> given, long importId) {
        int changed = 0;
        for (ImportedRow imported : rows) {
            Organisation before = repository.find(imported.id())
                    .orElseThrow(() -> new StaleOrganisationException(imported.id()));
            ImportUpdate update = updateFor(before, imported.row(), given);
            if (!update.valid()) {
                throw new ImportUpdateRefusedException(before.id());
            }
            if (!update.changes().isEmpty()) {
                save(before, before.version(), update.after());
                importedUpdates.note(importId, before, before.version() + 1);
                changed++;
            }
        }
        return changed;
    }

    /** What undoing an import did: the records it had added deleted, those it had updated put back. */
    public record Undone(int deleted, int restored) {
    }

    /**
     * Deletes every organisation an import added and puts back every one it updated as it was, or
     * does none of it when any has changed since the import: a change to the record or a part of it
     * (the audit trail has an entry after the mark), or a record the import did not add naming one it
     * added as its referrer.
     *
     * @throws ChangedSinceImportException naming the first record changed
     */
    @Transactional
    public Undone undoImport(long importId, long auditMark) {
        int deleted = 0;
        List<Long> ids = repository.addedBy(importId, 0, BATCH);
        while (!ids.isEmpty()) {
            List<Audited> records = ids.stream().map(OrganisationService::audited).toList();
            Optional<Long> changed = repository.firstChanged(importId, ids);
            if (changed.isPresent() || audit.changedAfter(auditMark, records)) {
                List<Long> chunk = ids;
                throw changedSince(changed.orElseGet(() -> firstChangedAfter(auditMark, chunk)));
            }
            repository.deleteAll(ids);
            audit.deletedAll(records);
            deleted += ids.size();
            ids = repository.addedBy(importId, ids.get(ids.size() - 1), BATCH);
        }
        int restored = 0;
        List<ImportedUpdates.Updated> updated = importedUpdates.updatedBy(importId, 0, BATCH);
        while (!updated.isEmpty()) {
            List<Long> chunk = new ArrayList<>();
            List<Organisation> current = new ArrayList<>();
            for (ImportedUpdates.Updated one : updated) {
                Optional<Organisation> now = repository.find(one.id());
                if (now.isEmpty() || now.get().version() != one.versionAfter()) {
                    throw changedSince(one.id());
                }
                chunk.add(one.id());
                current.add(now.get());
            }
            if (audit.changedAfter(auditMark, chunk.stream().map(OrganisationService::audited).toList())) {
                throw changedSince(firstChangedAfter(auditMark, chunk));
            }
            for (int i = 0; i < updated.size(); i++) {
                save(current.get(i), updated.get(i).versionAfter(), updated.get(i).previous());
                restored++;
            }
            updated = importedUpdates.updatedBy(importId, updated.get(updated.size() - 1).id(), BATCH);
        }
        importedUpdates.forget(importId);
        return new Undone(deleted, restored);
    }

    private ChangedSinceImportException changedSince(long id) {
        return new ChangedSinceImportException(id, repository.find(id).map(o -> o.details().name()).orElse(""));
    }

    private long firstChangedAfter(long auditMark, List<Long> ids) {
        return ids.stream().filter(id -> audit.changedAfter(auditMark, List.of(audited(id)))).findFirst()
                .orElseThrow();
    }

    /**
     * Forgets what imports' updates overwrote wherever it mentions one of the texts, as an erasure
     * must; those records can no longer be put back by an undo, which then says they changed.
     */
    @Transactional
    public void eraseFromImportedUpdates(List<String> texts) {
        importedUpdates.erase(texts);
    }

    /**
     * Readies what search keeps besides the records for {@link #eraseFromSearch}, before an erasure
     * changes any record, in its transaction.
     *
     * @throws org.springframework.dao.PessimisticLockingFailureException while the register is being
     *         changed (an import) for longer than a few seconds
     */
    @Transactional
    public void lockSearchForErasure() {
        repository.lockSearchForErasure();
    }

    /**
     * Once an erasure has removed these texts from the records, takes them out of what search keeps
     * besides: PostgreSQL's list of the register's words, and (after the commit) H2's search index's files.
     */
    @Transactional
    public void eraseFromSearch(List<String> texts) {
        repository.eraseFromSearch(texts);
    }

    /**
     * Saves over the version the user started from.
     *
     * @throws StaleOrganisationException when someone else saved or deleted it in the meantime
     */
    @Transactional
    /**
     * @throws InvalidInputException naming the status, where it would take an organisation with
     *         recorded interviews out of "interviewed" and so drop the interview fields they set
     */
    public void update(long id, int version, OrganisationDetails details) {
        Organisation before = repository.find(id).orElseThrow(() -> new StaleOrganisationException(id));
        if (before.details().status() == OutreachStatus.INTERVIEWED && details.status() != OutreachStatus.INTERVIEWED) {
            long recorded = interviews.of(id);
            if (recorded > 0) {
                throw new InvalidInputException(List.of(Problem.of(OrganisationField.STATUS.property(),
                        "error.status.interviewsRecorded", recorded)));
            }
        }
        save(before, version, details);
    }

    private void save(Organisation before, int version, OrganisationDetails details) {
        if (!repository.update(before.id(), version, details)) {
            throw new StaleOrganisationException(before.id());
        }
        audit.changed(audited(before.id()), before.details().audited(), details.audited());
    }

    /**
     * Records the outcome of contact short of an interview (listed or unreachable), whatever
     * version is current: the change is the researcher's own, made as they log the attempt.
     *
     * @throws IllegalStateException for an organisation already interviewed, whose answers this would drop
     */
    @Transactional
    public void markContacted(long id, OutreachStatus status) {
        Organisation current = repository.find(id).orElseThrow(() -> new OrganisationNotFoundException(id));
        if (current.details().status() == OutreachStatus.INTERVIEWED) {
            throw new IllegalStateException("Organisation " + id + " has been interviewed");
        }
        save(current, current.version(), current.details().withStatus(status));
    }

    /**
     * Brings the register's interview fields into line with the organisation's latest interview; a
     * record already in line is left alone, so that someone editing it meanwhile meets no conflict.
     */
    @Transactional
    public void recordInterview(long id, java.util.function.UnaryOperator<OrganisationDetails> interviewed) {
        Organisation current = repository.find(id).orElseThrow(() -> new OrganisationNotFoundException(id));
        OrganisationDetails after = interviewed.apply(current.details());
        if (!after.audited().equals(current.details().audited())) {
            save(current, current.version(), after);
        }
    }

    /**
     * Publishes in the directory every organisation the search finds, or stops publishing them, in
     * chunks of ids so a search of any size is never held at once. Each record changed gets its own
     * audit entry; those already as asked are left alone.
     *
     * @return how many records changed
     */
    @Transactional
    public int setPublished(OrganisationQuery query, boolean publish) {
        String field = OrganisationField.PUBLISH.property();
        int changed = 0;
        List<Long> ids = repository.matchingIds(query, 0, BATCH);
        while (!ids.isEmpty()) {
            for (long id : repository.setPublished(ids, publish)) {
                audit.changed(audited(id), Map.of(field, !publish), Map.of(field, publish));
                changed++;
            }
            ids = repository.matchingIds(query, ids.get(ids.size() - 1), BATCH);
        }
        return changed;
    }

    /**
     * Waits for any other change of who referred whom to commit, and holds them off until this
     * transaction ends: a caller takes it before reading the chain it checks for a loop, as two
     * changes checked at once could each pass and together close one (V155).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockReferrals() {
        repository.lockReferrals();
    }

    /** Records who gave us this organisation's details; the caller has checked it makes no loop. */
    @Transactional
    public void setReferrer(long id, Long referrerId) {
        get(id);
        Long before = referrals.referrerId(id).orElse(null);
        repository.setReferrer(id, referrerId);
        audit.changed(Audited.of(AuditKind.REFERRAL, id).partOf(audited(id)), referrer(before), referrer(referrerId));
    }

    private Map<String, String> referrer(Long referrerId) {
        return referrerId == null ? Map.of() : Map.of("referredBy", repository.find(referrerId)
                .map(r -> r.details().name() + " (" + referrerId + ")").orElse(String.valueOf(referrerId)));
    }

    /**
     * Deletes the record. Those it gave the details of are then found through nobody recorded (the
     * schema clears their referrer): each one's History says so, as any change of a referrer does.
     */
    @Transactional
    public void delete(long id, int version) {
        Organisation before = repository.find(id).orElseThrow(() -> new StaleOrganisationException(id));
        Map<String, String> referrer = referrer(id);
        List<ReferralLinks.Named> led = referrals.referredBy(id);
        if (!repository.delete(id, version)) {
            throw new StaleOrganisationException(id);
        }
        audit.deleted(audited(id), before.details().audited());
        led.forEach(named -> audit.changed(Audited.of(AuditKind.REFERRAL, named.id()).partOf(audited(named.id())),
                referrer, Map.of()));
    }
}
