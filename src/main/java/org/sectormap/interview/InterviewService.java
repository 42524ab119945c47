package org.sectormap.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.NewComment;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OrganisationsMerged;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Problem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InterviewService {

    private final InterviewRepository interviews;
    private final CommentService comments;
    private final OrganisationService organisations;
    private final QuestionnaireService questionnaire;
    private final InterviewRules rules;
    private final AuditTrail audit;

    InterviewService(InterviewRepository interviews, CommentService comments, OrganisationService organisations,
            QuestionnaireService questionnaire, InterviewRules rules, AuditTrail audit) {
        this.audit = audit;
        this.interviews = interviews;
        this.comments = comments;
        this.organisations = organisations;
        this.questionnaire = questionnaire;
        this.rules = rules;
    }

    /**
     * Records the interview, its answers about the organisation, and its comments on the wider
     * sector, which leave here with their theme and text only, to wait in the comment pool until
     * enough other interviews have joined them; always handed over, even none, so the pool grows by
     * one row per interview whatever was said. The register's interview fields
     * follow the organisation's latest interview by date (the latest recorded, of one day), so the
     * summary reports count it: an earlier interview entered afterwards (a first visit typed up late)
     * would otherwise rewrite what the latest found, and the engagement figures with it.
     */
    @Transactional
    long record(Interview interview, List<InterviewRules.SectorComment> sectorComments) {
        long id = interviews.insert(interview);
        audit.created(audited(interview.organisationId(), id), interview.audited());
        comments.hold(sectorComments.stream()
                .map(c -> new NewComment(c.sectionCode(), c.sectionTitle(), c.text())).toList(),
                questionnaire.current().titles());
        followLatest(interview.organisationId());
        return id;
    }

    /** The register's interview fields as the organisation's latest interview found; left as they are with none. */
    private void followLatest(long organisationId) {
        interviews.ofOrganisation(organisationId).stream()
                .max(Comparator.comparing(Interview::heldOn).thenComparingLong(Interview::id))
                .ifPresent(latest -> organisations.recordInterview(organisationId, details -> details.interviewed(
                        latest.heldOn(), latest.mode(), latest.fullInterview(), latest.followUp(),
                        latest.cypBoard() == CypBoard.DIRECTLY, latest.wellInformed())));
    }

    /**
     * Checks an interview typed as the form's fields ({@code heldOn}, {@code answer-<question id>},
     * {@code about-<question id>} and so on), from a file such as the demo data, with the form's
     * rules and records it. An anonymous answer that names the organisation is refused, as there is
     * nobody to confirm it.
     *
     * @throws InvalidInputException naming each field in error, when nothing is recorded
     */
    @Transactional
    public long record(long organisationId, Map<String, String> typed) {
        InterviewRules.Result result = rules.check(typed, questionnaire.current(), organisationId,
                organisations.get(organisationId).details().name());
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.addAll(result.warnings());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return record(result.interview(), result.comments());
    }

    /**
     * Deletes an interview recorded in error, with its answers about the organisation. Its
     * anonymous comments cannot be found to delete, by design, and stay: released ones among the
     * others, waiting ones in the pool, where its row still counts towards the release, so the
     * pool's count does not move and says nothing about which row was the interview's.
     */
    @Transactional
    boolean delete(long organisationId, long id) {
        Optional<Interview> before = find(organisationId, id);
        before.ifPresent(interview -> audit.deleted(audited(organisationId, id), interview.audited()));
        boolean deleted = interviews.delete(organisationId, id);
        if (deleted) {
            // One recorded in error and deleted no longer decides them; with none left they stay as they were.
            followLatest(organisationId);
        }
        return deleted;
    }

    private static Audited audited(long organisationId, long id) {
        return Audited.of(AuditKind.INTERVIEW, id).partOf(OrganisationService.audited(organisationId));
    }

    @Transactional(readOnly = true)
    Optional<Interview> find(long organisationId, long id) {
        return interviews.ofOrganisation(organisationId).stream().filter(i -> i.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    public List<Interview> ofOrganisation(long organisationId) {
        return interviews.ofOrganisation(organisationId);
    }

    /** A merged organisation's interviews, with their answers, become the kept one's, inside the merge's transaction. */
    @EventListener
    void merged(OrganisationsMerged merge) {
        interviews.moveOrganisation(merge.merged(), merge.kept());
        // The kept record took the details chosen; its interviews, now both records', decide these fields.
        followLatest(merge.kept());
    }
}
