package org.sectormap.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.outreach.ContactAttemptForm;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.Theme;
import org.sectormap.comment.ThemeService;
import org.sectormap.interview.InterviewService;
import org.sectormap.interview.Questionnaire;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.OutreachService;
import org.sectormap.outreach.ReferralService;
import org.sectormap.recommendation.Recommendation;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.stereotype.Component;

/**
 * Every call the demo data makes into the rest of the application, kept in one place so the
 * loaders only read files and this class alone follows the other packages as they change.
 * Shipped data that breaks a rule is a bug, so it throws, and the load rolls back.
 */
@Component
class DemoDataStore {

    private final ImportService imports;
    private final OrganisationService organisations;
    private final RecommendationService recommendations;
    private final OutreachService outreach;
    private final ReferralService referrals;
    private final QuestionnaireService questionnaire;
    private final InterviewService interviews;
    private final CommentService comments;
    private final ThemeService themes;
    private final PendingImports pending;

    DemoDataStore(ImportService imports, OrganisationService organisations, RecommendationService recommendations,
            OutreachService outreach, ReferralService referrals, QuestionnaireService questionnaire,
            InterviewService interviews, CommentService comments, ThemeService themes, PendingImports pending) {
        this.imports = imports;
        this.pending = pending;
        this.organisations = organisations;
        this.recommendations = recommendations;
        this.outreach = outreach;
        this.referrals = referrals;
        this.questionnaire = questionnaire;
        this.interviews = interviews;
        this.comments = comments;
        this.themes = themes;
    }

    private Upload spooled(byte[] csv) {
        try {
            return pending.spool(null, file -> Files.write(file, csv), null, Upload.FIRST_ROW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long organisationCount() {
        return organisations.count();
    }

    /**
     * Through the importer, so demo organisations obey the same rules as any file. Called only
     * on an empty register, so every organisation there now is one of these.
     *
     * @return their ids by name
     */
    Map<String, Long> importOrganisations(byte[] csv) {
        ImportOutcome outcome;
        Upload upload = spooled(csv);
        try {
            outcome = imports.importAll(upload, null, DuplicateChoices.ADD_ALL);
        } finally {
            pending.discard(upload);
        }
        if (!(outcome instanceof ImportOutcome.Finished finished
                && finished.stored().status() == ImportJob.Status.DONE)) {
            throw new IllegalStateException("The shipped demo data was not imported: " + outcome);
        }
        Map<String, Long> ids = new HashMap<>();
        organisations.forEach(OrganisationQuery.all(), o -> {
            if (ids.put(o.details().name(), o.id()) != null) {
                throw new IllegalStateException("Two demo organisations are called " + o.details().name());
            }
        });
        return ids;
    }

    long recommendationCount() {
        return recommendations.count();
    }

    /** Adds a recommendation under its heading, adding the heading the first time it is met. */
    void addRecommendation(String heading, String addressedTo, String text) {
        Recommendation.Group group = recommendations.groups().stream().filter(g -> g.heading().equals(heading))
                .findFirst().orElseGet(() -> {
                    recommendations.addGroup(heading, addressedTo);
                    return recommendations.groups().get(recommendations.groups().size() - 1);
                });
        recommendations.add(group.id(), text);
    }

    Map<Integer, Long> recommendationIdsByNumber() {
        return recommendations.groups().stream().flatMap(g -> g.items().stream())
                .collect(Collectors.toMap(Recommendation::number, Recommendation::id));
    }

    void recordAttempt(long organisationId, ContactAttemptForm typed) {
        outreach.log(organisationId, typed);
    }

    void setReferrer(long organisationId, long referrerId) {
        referrals.setReferrer(organisationId, String.valueOf(referrerId));
    }

    Questionnaire questionnaire() {
        return questionnaire.current();
    }

    void recordInterview(long organisationId, Map<String, String> typed) {
        interviews.record(organisationId, typed);
    }

    /** Real interviews' comments may wait in the pool even in an empty register, their organisations since deleted. */
    boolean commentsWaiting() {
        return comments.waiting().interviews() > 0;
    }

    /**
     * The worked example's last interviews, fewer than a release, would otherwise wait for real
     * ones to join them, and their comments could not be coded and linked as the example shows.
     */
    void releaseDemoComments() {
        comments.releaseNow(questionnaire.current().titles());
    }

    List<AnonymousComment> comments() {
        return comments.all();
    }

    /** The themes' ids by name, adding any the researcher has since renamed or deleted. */
    Map<String, Long> themeIds(Set<String> names) {
        Map<String, Long> ids = new HashMap<>();
        for (String name : names) {
            ids.put(name, themeId(name).orElseGet(() -> {
                themes.save(null, name);
                return themeId(name).orElseThrow();
            }));
        }
        return ids;
    }

    /** Theme names are unique whatever their case, so they are matched that way too. */
    private Optional<Long> themeId(String name) {
        return themes.all().stream().filter(t -> t.name().equalsIgnoreCase(name)).map(Theme::id).findFirst();
    }

    void code(String commentId, Set<Long> themeIds, boolean quote) {
        if (!themes.code(commentId, themeIds, quote)) {
            throw new IllegalStateException("Demo comment " + commentId + " could not be coded");
        }
    }

    void link(long recommendationId, Set<Long> themeIds, Set<String> commentIds) {
        recommendations.link(recommendationId, themeIds, commentIds);
    }
}
