package org.sectormap.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sectormap.audit.AuditAction;
import org.sectormap.audit.AuditRecorded;
import org.sectormap.audit.Audited;
import org.sectormap.organisation.ContactPeople;
import org.sectormap.organisation.OrganisationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each organisation's last contact (V151, the organisation feature's table), the latest of its attempts' and interviews' days and
 * its History's entries, as the trail records an entry on its page. The entry's day is the latest of
 * the three, as the forms take no day after today and no entry is ever removed; so the day only
 * moves on, whatever the entry is for, an attempt deleted included. A new record's insert has dated
 * it already, and a deleted one needs no day.
 */
@Component
class LastContacts {

    /**
     * What V152 does, for a restore: whatever version the file came from, the days follow its rows.
     * The first day of year 1 stands for none, as GREATEST's way with an empty value differs.
     */
    static final String RECOUNT = """
            INSERT INTO organisation_last_contact (organisation_id, named, last_contact)
            SELECT o.id, COALESCE(LENGTH(o.contact_name), 0) > 0, NULLIF(GREATEST(
                    COALESCE((SELECT MAX(attempted_on) FROM contact_attempt WHERE organisation_id = o.id), %1$s),
                    COALESCE((SELECT MAX(held_on) FROM interview WHERE organisation_id = o.id), %1$s),
                    COALESCE((SELECT CAST(MAX(occurred_at) AS DATE) FROM audit_entry
                        WHERE record_page = CONCAT('organisation/', o.id)), %1$s)), %1$s)
            FROM organisation o""".formatted("DATE '0001-01-01'");


    /** Organisations moved on by one statement, for an import's entries. */
    private static final int BATCH = 1_000;

    private final ContactPeople people;

    LastContacts(ContactPeople people) {
        this.people = people;
    }

    @EventListener
    void recorded(AuditRecorded entries) {
        Set<Long> contacted = new LinkedHashSet<>();
        for (Audited record : entries.records()) {
            OrganisationService.onPage(record.page())
                    .filter(id -> entries.action() == AuditAction.CHANGED || !record.equals(OrganisationService.audited(id)))
                    .ifPresent(contacted::add);
        }
        List<Long> ids = new ArrayList<>(contacted);
        for (int from = 0; from < ids.size(); from += BATCH) {
            people.contacted(ids.subList(from, Math.min(ids.size(), from + BATCH)), entries.at().toLocalDate());
        }
    }
}
