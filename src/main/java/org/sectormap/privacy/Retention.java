package org.sectormap.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.sectormap.organisation.ContactPeople;
import org.sectormap.setting.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a contact person's data is kept after the last contact with their organisation (its
 * latest contact attempt, interview or change to its record, whichever is latest), and who is past it.
 */
@Service
class Retention {

    static final String MONTHS = "personal-data-retention-months";
    static final int DEFAULT_MONTHS = 24;
    static final int MOST_MONTHS = 1200;

    private final Settings settings;
    private final ContactPeople contactPeople;
    private final Clock clock;

    Retention(Settings settings, ContactPeople contactPeople, Clock clock) {
        this.settings = settings;
        this.contactPeople = contactPeople;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    int months() {
        return settings.number(MONTHS, DEFAULT_MONTHS);
    }

    @Transactional
    void setMonths(int months) {
        settings.setNumber(MONTHS, months, DEFAULT_MONTHS);
    }

    /** Contact people a page of the list shows. */
    static final int PAGE = 100;

    /**
     * A page of the list.
     *
     * @param total every contact person kept longer than the period, on this page or another
     * @param next the last of this page, where the next one starts; null on the last page
     */
    record DuePage(List<ContactPeople.Person> people, long total, ContactPeople.Person next) {
    }

    /**
     * Contact people whose organisation's last contact is before the period began, longest kept
     * first, the page after {@code after} (null for the first), read in that order from an index.
     */
    @Transactional(readOnly = true)
    DuePage due(ContactPeople.Person after) {
        LocalDate cutOff = LocalDate.now(clock).minusMonths(months());
        List<ContactPeople.Person> people = contactPeople.lastContactedBefore(cutOff, after, PAGE + 1);
        long total = contactPeople.countLastContactedBefore(cutOff);
        return people.size() > PAGE ? new DuePage(people.subList(0, PAGE), total, people.get(PAGE - 1))
                : new DuePage(people, total, null);
    }
}
