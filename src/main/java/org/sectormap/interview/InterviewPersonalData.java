package org.sectormap.interview;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the duties of holding personal data need of interviews: finding those that mention a
 * person and rewriting them without the person. Kept apart from {@link InterviewService}, which records interviews.
 */
@Service
public class InterviewPersonalData {

    private final InterviewRepository interviews;
    private final AuditTrail audit;

    InterviewPersonalData(InterviewRepository interviews, AuditTrail audit) {
        this.interviews = interviews;
        this.audit = audit;
    }

    /** Interviews whose interviewee, interviewer or answers hold any of the texts, ignoring case. */
    @Transactional(readOnly = true)
    public List<Interview> mentioning(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = interviews.idsMentioning(texts);
        return interviews.organisationsOf(ids).stream()
                .flatMap(organisation -> interviews.ofOrganisation(organisation).stream())
                .filter(interview -> ids.contains(interview.id())).toList();
    }

    /** The interviewee's values, which go together once nothing lets us keep their data. */
    private static final List<String> INTERVIEWEE = List.of("intervieweeName", "intervieweeRole");

    /**
     * Forgets the interviewee once nothing lets us keep their data (the consent to keep it withdrawn):
     * their name and role cleared, the name's consent unticked, and both overwritten in the interview's
     * history, which anyone who may read the interview sees. The role goes with the name, as an erasure
     * takes it: left alone, it could still say who they were, and nothing would find it again.
     *
     * @return whether the interview held a name to forget
     */
    @Transactional
    public boolean forgetInterviewee(long organisationId, long interviewId) {
        Interview interview = interviews.ofOrganisation(organisationId).stream().filter(i -> i.id() == interviewId)
                .findFirst().orElse(null);
        if (interview == null || interview.intervieweeName() == null && interview.intervieweeRole() == null
                && !interview.nameConsent()) {
            return false;
        }
        Interview after = new Interview(interview.id(), interview.organisationId(), interview.heldOn(),
                interview.mode(), null, false, null, interview.interviewer(),
                interview.fullInterview(), interview.followUp(), interview.cypBoard(), interview.wellInformed(),
                interview.statutoryWork(), interview.answers());
        interviews.rewrite(after);
        audit.changed(audited(interview), interview.audited(), after.audited());
        audit.eraseValues(audit.fieldHistory(AuditKind.INTERVIEW, String.valueOf(interviewId), INTERVIEWEE).stream()
                .flatMap(entry -> entry.changes().stream().flatMap(change -> Stream.of(
                        change.before() == null ? null : new AuditTrail.Value(entry.id(), change.field(), true),
                        change.after() == null ? null : new AuditTrail.Value(entry.id(), change.field(), false))))
                .filter(Objects::nonNull).toList());
        return interview.intervieweeName() != null;
    }

    /**
     * Saves the interview with its interviewee's name, role and interviewer replaced as given and each
     * answer's text passed through {@code redact}, and records the change in the trail.
     */
    @Transactional
    public void rewrite(Interview interview, String intervieweeName, String intervieweeRole, String interviewer,
            UnaryOperator<String> redact) {
        List<Interview.Answer> answers = interview.answers().stream().map(a -> new Interview.Answer(a.sectionCode(),
                a.sectionTitle(), a.question(), redact.apply(a.text()))).toList();
        Interview after = new Interview(interview.id(), interview.organisationId(), interview.heldOn(),
                interview.mode(), intervieweeRole, interview.nameConsent(),
                intervieweeName, interviewer, interview.fullInterview(), interview.followUp(), interview.cypBoard(),
                interview.wellInformed(), interview.statutoryWork(), answers);
        interviews.rewrite(after);
        audit.changed(audited(interview), interview.audited(), after.audited());
    }

    private static Audited audited(Interview interview) {
        return Audited.of(AuditKind.INTERVIEW, interview.id()).partOf(OrganisationService.audited(interview.organisationId()));
    }
}
