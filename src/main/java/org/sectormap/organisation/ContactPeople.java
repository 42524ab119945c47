package org.sectormap.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day of the last contact with each organisation (V151), which a new record takes from the day
 * it is made and the privacy feature keeps as its parts and History change, and the contact people
 * it dates: those a retention review lists, longest kept first.
 */
@Service
public class ContactPeople {

    private final ContactPeopleRepository repository;

    ContactPeople(ContactPeopleRepository repository) {
        this.repository = repository;
    }

    /** A contact person named on an organisation, and the day of the last contact with it (null: none recorded). */
    public record Person(long organisationId, String organisation, String contactName, LocalDate lastContact) {
    }

    /** Moves each organisation's last contact on to the day, where it is earlier or empty. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void contacted(Collection<Long> organisationIds, LocalDate day) {
        repository.contacted(organisationIds, day);
    }

    /**
     * Contact people whose organisation was last contacted before the day or never, in the order of
     * that day with never first, then of the organisation's id: the {@code limit} after {@code after}
     * (null for the first).
     */
    @Transactional(readOnly = true)
    public List<Person> lastContactedBefore(LocalDate day, Person after, int limit) {
        List<Person> people = new ArrayList<>(limit);
        if (after == null || after.lastContact() == null) {
            people.addAll(repository.neverContacted(after == null ? 0 : after.organisationId(), limit));
            after = null;
        }
        if (people.size() < limit) {
            people.addAll(repository.contactedBefore(day, after, limit - people.size()));
        }
        return people;
    }

    /** How many contact people {@link #lastContactedBefore} lists in all. */
    @Transactional(readOnly = true)
    public long countLastContactedBefore(LocalDate day) {
        return repository.countNeverContacted() + repository.countContactedBefore(day);
    }
}
