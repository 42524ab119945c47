package org.sectormap.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.Theme;
import org.sectormap.comment.ThemeService;
import org.sectormap.organisation.FieldChecks;
import org.sectormap.organisation.FormErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The findings' output: numbered recommendations, the evidence behind each, and what became of it. */
@Service
public class RecommendationService {

    static final int TEXT_LENGTH = 2000;
    static final int HEADING_LENGTH = 200;

    private final RecommendationRepository repository;
    private final ThemeService themes;
    private final CommentService comments;
    private final FieldChecks checks;

    RecommendationService(RecommendationRepository repository, ThemeService themes, CommentService comments,
            FieldChecks checks) {
        this.repository = repository;
        this.themes = themes;
        this.comments = comments;
        this.checks = checks;
    }

    @Transactional(readOnly = true)
    public List<Recommendation.Group> groups() {
        List<Theme> allThemes = themes.all();
        List<AnonymousComment> allComments = comments.all();
        Map<Long, Set<Long>> themeLinks = repository.themeLinks();
        Map<Long, Set<String>> commentLinks = repository.commentLinks();
        Map<Long, List<Recommendation.Note>> notes = repository.notes().stream().collect(Collectors.groupingBy(
                RecommendationRepository.NoteRow::recommendationId, Collectors.mapping(n -> new Recommendation.Note(
                        n.notedOn(), RecommendationRepository.status(n.status()), n.note()), Collectors.toList())));
        List<Recommendation> all = repository.recommendations().stream().map(r -> new Recommendation(r.id(),
                r.groupId(), r.number(), r.text(), RecommendationRepository.status(r.status()),
                allThemes.stream().filter(t -> themeLinks.getOrDefault(r.id(), Set.of()).contains(t.id())).toList(),
                // Comments keep their own revealing-nothing order: theme, then text.
                allComments.stream().filter(c -> commentLinks.getOrDefault(r.id(), Set.of()).contains(c.id()))
                        .toList(),
                notes.getOrDefault(r.id(), List.of()))).toList();
        return repository.groups().stream().map(g -> new Recommendation.Group(g.id(), g.position(), g.heading(),
                g.addressedTo(), all.stream().filter(r -> r.groupId() == g.id()).toList())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Recommendation> find(long id) {
        return groups().stream().flatMap(g -> g.items().stream()).filter(r -> r.id() == id).findFirst();
    }

    /** Adds a heading, or says why not under the fields {@code heading} and {@code addressedTo}. */
    @Transactional
    public List<FormErrors.Entry> addGroup(String heading, String addressedTo) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        String h = required("heading", heading, HEADING_LENGTH, errors);
        String to = checks.text("addressedTo", addressedTo, HEADING_LENGTH, errors);
        if (errors.isEmpty()) {
            repository.addGroup(h, to);
        }
        return errors;
    }

    /** Adds a recommendation under a heading, numbered after the last. */
    @Transactional
    public List<FormErrors.Entry> add(long groupId, String text) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        String t = required("text", text, TEXT_LENGTH, errors);
        if (!repository.groupExists(groupId)) {
            errors.add(checks.error("groupId", "recommendation.error.group"));
        }
        if (errors.isEmpty()) {
            repository.add(groupId, t);
        }
        return errors;
    }

    /** Moves a recommendation to a status with a dated note, or says which field is wrong. */
    @Transactional
    public List<FormErrors.Entry> changeStatus(long id, String status, String notedOn, String note) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        RecommendationStatus s = checks.choice(RecommendationStatus.class, "status", status, "recommendation.error",
                errors);
        LocalDate on = checks.pastDate("notedOn", notedOn, "recommendation.error.notedOn.required", errors);
        String text = checks.text("note", note, TEXT_LENGTH, errors);
        if (errors.isEmpty()) {
            repository.setStatus(id, s, on, text);
        }
        return errors;
    }

    /** Links the themes and comments that support a recommendation, replacing the links it had. */
    @Transactional
    public void link(long id, Set<Long> themeIds, Set<String> commentIds) {
        Set<Long> knownThemes = themes.all().stream().map(Theme::id).collect(Collectors.toSet());
        Set<String> knownComments = comments.all().stream().map(AnonymousComment::id).collect(Collectors.toSet());
        repository.link(id, themeIds.stream().filter(knownThemes::contains).collect(Collectors.toSet()),
                commentIds.stream().filter(knownComments::contains).collect(Collectors.toSet()));
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    private String required(String field, String typed, int max, List<FormErrors.Entry> errors) {
        String value = checks.text(field, typed, max, errors);
        if (value == null && FieldChecks.blankToNull(typed) == null) {
            errors.add(checks.error(field, "recommendation.error." + field + ".required"));
        }
        return value;
    }
}
