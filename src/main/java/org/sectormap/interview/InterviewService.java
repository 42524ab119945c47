package org.sectormap.interview;

import java.util.List;
import java.util.Optional;

import org.sectormap.comment.CommentService;
import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InterviewService {

    private final InterviewRepository interviews;
    private final CommentService comments;
    private final OrganisationService organisations;

    InterviewService(InterviewRepository interviews, CommentService comments, OrganisationService organisations) {
        this.interviews = interviews;
        this.comments = comments;
        this.organisations = organisations;
    }

    /**
     * Records the interview, its answers about the organisation, and its comments on the wider
     * sector, which leave here with their theme and text only. The register's interview fields
     * follow the interview, so the summary reports count it.
     */
    @Transactional
    long record(Interview interview, List<InterviewRules.SectorComment> sectorComments) {
        long id = interviews.insert(interview);
        sectorComments.forEach(c -> comments.addAnonymous(c.sectionCode(), c.sectionTitle(), c.text(),
                interview.heldOn()));
        organisations.recordInterview(interview.organisationId(), details -> details.interviewed(interview.heldOn(),
                interview.mode(), interview.fullInterview(), interview.followUp(),
                interview.cypBoard() == CypBoard.DIRECTLY, interview.wellInformed()));
        return id;
    }

    /**
     * Records an interview that arrives already typed rather than through the form, such as the
     * demo data's worked example: as {@link #record}, each answer about the wider sector leaving
     * with its section and text only.
     */
    @Transactional
    public long recordWithSectorAnswers(Interview interview, List<Interview.Answer> aboutTheSector) {
        return record(interview, aboutTheSector.stream()
                .map(a -> new InterviewRules.SectorComment(a.sectionCode(), a.sectionTitle(), a.text())).toList());
    }

    /**
     * Deletes an interview recorded in error, with its answers about the organisation. Its
     * anonymous comments cannot be found to delete, by design, and stay.
     */
    @Transactional
    boolean delete(long organisationId, long id) {
        return interviews.delete(organisationId, id);
    }

    @Transactional(readOnly = true)
    Optional<Interview> find(long organisationId, long id) {
        return interviews.ofOrganisation(organisationId).stream().filter(i -> i.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    public List<Interview> ofOrganisation(long organisationId) {
        return interviews.ofOrganisation(organisationId);
    }
}
