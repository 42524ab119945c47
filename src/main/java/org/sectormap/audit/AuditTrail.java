package org.sectormap.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.sectormap.shared.PageCount;
import org.sectormap.shared.Coded;
import org.sectormap.shared.Labels;
import org.sectormap.shared.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every feature records what it changed, inside the change's own transaction, so a change
 * and its entry are saved or rolled back together. Values are the text a person would read back:
 * codes for coded values, ISO dates, "yes"/"no" for tick boxes.
 */
@Service
public class AuditTrail {

    /** The most a record's page shows; the administrator's search finds the rest. */
    public static final int HISTORY_LIMIT = 100;

    private final AuditRepository repository;
    private final Clock clock;
    private final Labels labels;
    private final ApplicationEventPublisher events;

    AuditTrail(AuditRepository repository, Clock clock, Labels labels, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.labels = labels;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Audited record, Map<String, ?> after) {
        record(AuditAction.CREATED, record, Map.of(), after);
    }

    /** Records the fields whose values differ, and nothing at all when none do. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Audited record, Map<String, ?> before, Map<String, ?> after) {
        record(AuditAction.CHANGED, record, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(Audited record, Map<String, ?> before) {
        record(AuditAction.DELETED, record, before, Map.of());
    }

    /**
     * The whole register downloaded as a backup, or replaced by one, by whom and when: it holds every
     * person's data. In a transaction of its own, after a restore has replaced the trail with the file's.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void backup(AuditAction action) {
        repository.insert(now(), SignedIn.email(), action, Audited.of(AuditKind.BACKUP, "-"), List.of());
    }

    /**
     * Many records created at once, without their values: those are the values the records hold
     * until a change records them as its "before", so nothing is lost and a large import stays fast.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createdAll(List<Audited> records) {
        insertAll(AuditAction.CREATED, records);
    }

    /** Many records deleted at once, as a whole import undone, without their values: they came from its file. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deletedAll(List<Audited> records) {
        insertAll(AuditAction.DELETED, records);
    }

    private void insertAll(AuditAction action, List<Audited> records) {
        LocalDateTime at = now();
        repository.insertAll(at, SignedIn.email(), action, records);
        events.publishEvent(new AuditRecorded(action, at, records));
    }

    /** How far the trail has reached, for {@link #changedAfter} to ask later whether records were touched since. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long mark() {
        return repository.lastId();
    }

    /** Whether an entry after the mark is on one of the records' pages: a change to it or to a part of it. */
    @Transactional(readOnly = true)
    public boolean changedAfter(long mark, Collection<Audited> records) {
        return repository.anyOnPagesAfter(mark, records.stream().map(Audited::page).distinct().toList());
    }

    /** The changes a record's page shows under History, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(Audited record) {
        return repository.onPage(record.page(), HISTORY_LIMIT);
    }

    /** The changes shown under History on a list's page, such as the users page, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String listPage) {
        return repository.onPage(listPage, HISTORY_LIMIT);
    }

    /** Every entry holding one of the texts in a value before or after, for a subject access request. */
    @Transactional(readOnly = true)
    public List<AuditEntry> mentioning(Collection<String> texts) {
        return repository.mentioning(texts.stream().filter(Objects::nonNull).map(String::strip)
                .filter(text -> !text.isEmpty()).distinct().toList());
    }

    /**
     * Overwrites each earlier value holding one of the texts with "erased on" the date, and records
     * that an erasure happened (by whom and when), not what it erased.
     *
     * @return how many values were overwritten
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(Collection<String> texts) {
        String erasedOn = labels.text("audit.erasedOn", LocalDate.now(clock).toString());
        int overwritten = 0;
        for (String text : new TreeSet<>(texts.stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).toList())) {
            overwritten += repository.overwrite(text, erasedOn);
        }
        repository.insert(now(), SignedIn.email(), AuditAction.ERASED, Audited.of(AuditKind.PERSON, "-"), List.of());
        return overwritten;
    }

    /**
     * A record's entries that changed any of these fields, each with those changes alone, oldest first:
     * found by the record's kind and id wherever they are listed (a merge moves a consent record or an
     * interview to another organisation's page, and leaves its earlier entries on the old one).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> fieldHistory(AuditKind kind, String id, Collection<String> fields) {
        return fields.isEmpty() ? List.of() : repository.fieldHistory(kind, id, fields);
    }

    /** One value in the trail: an entry's field, before the change or after it. */
    public record Value(long entry, String field, boolean before) {
    }

    /**
     * Overwrites these values with "erased on" the date: values about a person being erased that do not
     * mention them (their role), and so are not found by {@link #erase}. Call it after the changes
     * that clear them, whose "before" values may be among them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseValues(Collection<Value> values) {
        repository.overwriteValues(values, labels.text("audit.erasedOn", LocalDate.now(clock).toString()));
    }

    /**
     * Past this many matches the trail says "more than" rather than count them: every record an import
     * adds is an entry, and counting a million of them took PostgreSQL 180 ms on every visit to the page.
     */
    static final long COUNTED = 10_000;

    @Transactional(readOnly = true)
    Page search(AuditQuery query) {
        int page = Math.max(1, query.page());
        long counted = repository.count(query, COUNTED + 1);
        // One more than a page, so an uncounted page knows whether another follows it.
        List<AuditEntry> entries = repository.search(query, (page - 1L) * AuditQuery.PAGE_SIZE,
                AuditQuery.PAGE_SIZE + 1);
        return new Page(entries.subList(0, Math.min(entries.size(), AuditQuery.PAGE_SIZE)),
                Math.min(counted, COUNTED), counted <= COUNTED, entries.size() > AuditQuery.PAGE_SIZE, page);
    }

    @Transactional(readOnly = true)
    void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
        repository.forEach(query, consumer);
    }

    /**
     * A page of search results; public for the page template.
     *
     * @param exact   false when more than {@code total} match, {@link #COUNTED}
     * @param hasNext whether a match follows this page's last
     */
    public record Page(List<AuditEntry> entries, long total, boolean exact, boolean hasNext, int page) {

        /** Meaningful only when exact. */
        public int pageCount() {
            return PageCount.of(total, AuditQuery.PAGE_SIZE);
        }

        /** Matches, but none on this page: it lies past the last. */
        public boolean pastTheEnd() {
            return total > 0 && entries.isEmpty();
        }
    }

    private void record(AuditAction action, Audited record, Map<String, ?> before, Map<String, ?> after) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>(before);
        after.forEach(fields::putIfAbsent);
        fields.keySet().forEach(field -> {
            String was = text(before.get(field));
            String now = text(after.get(field));
            if (!Objects.equals(was, now)) {
                changes.add(new AuditEntry.Change(field, was, now));
            }
        });
        if (action == AuditAction.CHANGED && changes.isEmpty()) {
            return;
        }
        LocalDateTime at = now();
        repository.insert(at, SignedIn.email(), action, record, changes);
        events.publishEvent(new AuditRecorded(action, at, List.of(record)));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Coded coded) {
            return coded.code();
        }
        if (value instanceof Boolean tick) {
            return tick ? "yes" : "no";
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
