package org.sectormap.organisation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganisationService {

    private final OrganisationRepository repository;

    OrganisationService(OrganisationRepository repository) {
        this.repository = repository;
    }

    /** A page of results and the size of the whole result, which a page alone cannot tell. */
    public record Page(List<Organisation> items, long total, OrganisationQuery query) {

        public int pageCount() {
            return (int) Math.max(1, (total + query.size() - 1) / query.size());
        }
    }

    @Transactional(readOnly = true)
    public Page search(OrganisationQuery query) {
        return new Page(repository.search(query), repository.count(query), query);
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

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    @Transactional
    public long create(OrganisationDetails details) {
        return repository.insert(details);
    }

    private static final int BATCH = 1_000;

    /** Adds every record or, if any insert fails, none. */
    @Transactional
    public int createAll(List<OrganisationDetails> all) {
        for (int from = 0; from < all.size(); from += BATCH) {
            repository.insertAll(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return all.size();
    }

    /**
     * Saves over the version the user started from.
     *
     * @throws StaleOrganisationException when someone else saved or deleted it in the meantime
     */
    @Transactional
    public void update(long id, int version, OrganisationDetails details) {
        if (!repository.update(id, version, details)) {
            throw new StaleOrganisationException(id);
        }
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
        if (!repository.update(id, current.version(), current.details().withStatus(status))) {
            throw new StaleOrganisationException(id);
        }
    }

    /** Brings the register's interview fields into line with an interview just recorded. */
    @Transactional
    public void recordInterview(long id, java.util.function.UnaryOperator<OrganisationDetails> interviewed) {
        Organisation current = repository.find(id).orElseThrow(() -> new OrganisationNotFoundException(id));
        if (!repository.update(id, current.version(), interviewed.apply(current.details()))) {
            throw new StaleOrganisationException(id);
        }
    }

    /** Records who gave us this organisation's details; the caller has checked it makes no loop. */
    @Transactional
    public void setReferrer(long id, Long referrerId) {
        get(id);
        repository.setReferrer(id, referrerId);
    }

    @Transactional
    public void delete(long id, int version) {
        if (!repository.delete(id, version)) {
            throw new StaleOrganisationException(id);
        }
    }
}
