package org.sectormap.recommendation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.Theme;
import org.sectormap.comment.ThemeDeleting;
import org.sectormap.comment.ThemeService;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The findings' output: numbered recommendations, the evidence behind each, and what became of it. */
@Service
public class RecommendationService {

    static final int TEXT_LENGTH = 2000;
    static final int HEADING_LENGTH = 200;
    /** Headings have no page of their own; their changes show on the list's. */
    static final String LIST = "recommendations";
    /** The evidence form's tick boxes, one a theme or comment, as the problems of evidence name them. */
    static final String THEME = "theme";
    static final String COMMENT = "comment";

    private final RecommendationRepository repository;
    private final ThemeService themes;
    private final CommentService comments;
    private final Inputs inputs;
    private final AuditTrail audit;

    RecommendationService(RecommendationRepository repository, ThemeService themes, CommentService comments,
            Inputs inputs, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.themes = themes;
        this.comments = comments;
        this.inputs = inputs;
    }

    @Transactional(readOnly = true)
    public List<Recommendation.Group> groups() {
        List<Theme> allThemes = themes.all();
        Map<Long, Set<Long>> themeLinks = repository.themeLinks();
        Map<Long, Set<String>> commentLinks = repository.commentLinks();
        // Only the comments linked: a register may hold millions.
        List<AnonymousComment> linked = comments.find(commentLinks.values().stream().flatMap(Set::stream)
                .collect(Collectors.toSet()));
        Map<Long, List<Recommendation.Note>> notes = repository.notes().stream().collect(Collectors.groupingBy(
                RecommendationRepository.NoteRow::recommendationId, Collectors.mapping(n -> new Recommendation.Note(
                        n.notedOn(), RecommendationRepository.status(n.status()), n.note()), Collectors.toList())));
        List<Recommendation> all = repository.recommendations().stream().map(r -> new Recommendation(r.id(),
                r.groupId(), r.number(), r.text(), RecommendationRepository.status(r.status()),
                allThemes.stream().filter(t -> themeLinks.getOrDefault(r.id(), Set.of()).contains(t.id())).toList(),
                // Comments keep their own revealing-nothing order: theme, then random key.
                linked.stream().filter(c -> commentLinks.getOrDefault(r.id(), Set.of()).contains(c.id()))
                        .toList(),
                notes.getOrDefault(r.id(), List.of()))).toList();
        return repository.groups().stream().map(g -> new Recommendation.Group(g.id(), g.position(), g.heading(),
                g.addressedTo(), all.stream().filter(r -> r.groupId() == g.id()).toList())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Recommendation> find(long id) {
        return groups().stream().flatMap(g -> g.items().stream()).filter(r -> r.id() == id).findFirst();
    }

    /**
     * Adds a heading.
     *
     * @throws InvalidInputException naming {@code heading} or {@code addressedTo}
     */
    @Transactional
    public void addGroup(String heading, String addressedTo) {
        Input in = inputs.read(Map.of("heading", nullToEmpty(heading), "addressedTo", nullToEmpty(addressedTo)));
        String h = in.required("heading", HEADING_LENGTH, "recommendation.error.heading.required");
        String to = in.line("addressedTo", HEADING_LENGTH);
        in.throwIfInvalid();
        long id = repository.addGroup(h, to);
        audit.created(Audited.of(AuditKind.RECOMMENDATION_GROUP, id).listedOn(LIST), values("heading", h, "addressedTo", to));
    }

    /** Adds a recommendation under a heading, numbered after the last. */
    @Transactional
    public void add(long groupId, String text) {
        Input in = inputs.read(Map.of("text", nullToEmpty(text)));
        String t = in.text("text", TEXT_LENGTH);
        if (t == null && !in.has("text")) {
            in.problem("text", "recommendation.error.text.required");
        }
        if (!repository.groupExists(groupId)) {
            in.problem("groupId", "recommendation.error.group");
        }
        in.throwIfInvalid();
        long id = repository.add(groupId, t);
        audit.created(audited(id), values("group", groupId, "text", t));
    }

    /**
     * Moves a recommendation to a status with a dated note.
     *
     * @throws InvalidInputException naming each field in error
     */
    @Transactional
    public void changeStatus(long id, String status, String notedOn, String note) {
        Input in = inputs.read("recommendation", Map.of("status", nullToEmpty(status), "notedOn", nullToEmpty(notedOn),
                "note", nullToEmpty(note)));
        RecommendationStatus s = in.choice(RecommendationStatus.class, "status",
                "recommendation.error.status.required");
        LocalDate on = in.date("notedOn", "recommendation.error.notedOn.required");
        String text = in.text("note", TEXT_LENGTH);
        in.throwIfInvalid();
        Optional<RecommendationStatus> before = repository.recommendations().stream().filter(r -> r.id() == id)
                .findFirst().map(r -> RecommendationRepository.status(r.status()));
        if (repository.setStatus(id, s, on, text)) {
            audit.changed(audited(id), values("recommendationStatus", before.orElse(null)),
                    values("recommendationStatus", s, "notedOn", on, "note", text));
        }
    }

    /**
     * Links the themes and comments that support a recommendation, replacing the links it had. A
     * blank id, which the page never sends, chooses nothing.
     *
     * @throws InvalidInputException naming {@link #THEME} or {@link #COMMENT} for an id that names
     *         none (deleted since the page was shown, say), with nothing changed
     */
    @Transactional
    public void link(long id, Collection<Long> themeIds, Collection<String> commentIds) {
        Set<Long> chosenThemes = themeIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> chosenComments = commentIds.stream().filter(c -> c != null && !c.isBlank())
                .collect(Collectors.toSet());
        Input in = inputs.read(field -> null);
        Set<Long> knownThemes = themes.all().stream().map(Theme::id).collect(Collectors.toSet());
        if (!knownThemes.containsAll(chosenThemes)) {
            in.problem(THEME, "recommendation.error.theme.unknown");
        }
        Set<String> knownComments = comments.find(chosenComments).stream().map(AnonymousComment::id)
                .collect(Collectors.toSet());
        if (!knownComments.containsAll(chosenComments)) {
            in.problem(COMMENT, "recommendation.error.comment.unknown");
        }
        in.throwIfInvalid();
        Map<String, String> before = links(id);
        repository.link(id, chosenThemes, chosenComments);
        audit.changed(audited(id), before, links(id));
    }

    /** Each recommendation the theme supports notes in its History that the theme's deletion unlinks it. */
    @EventListener
    void themeDeleting(ThemeDeleting deleting) {
        // Only the themes change: the trail keeps a change's fields alone, as links() names them.
        repository.themeLinks().forEach((id, themes) -> {
            if (themes.contains(deleting.themeId())) {
                Set<Long> after = new TreeSet<>(themes);
                after.remove(deleting.themeId());
                audit.changed(audited(id), Map.of("themes", sorted(themes)), Map.of("themes", sorted(after)));
            }
        });
    }

    /** The evidence linked to a recommendation as the trail keeps it: theme ids and comment keys, sorted. */
    private Map<String, String> links(long id) {
        return Map.of("themes", sorted(repository.themeLinks().getOrDefault(id, Set.of())),
                "comments", sorted(repository.commentLinks().getOrDefault(id, Set.of())));
    }

    private static String sorted(Set<?> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** How the trail names a recommendation; its page shows the History. */
    public static Audited audited(long id) {
        return Audited.of(AuditKind.RECOMMENDATION, id);
    }

    /** Field and value pairs, keeping nulls, which {@link Map#of} refuses. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    private static String nullToEmpty(String typed) {
        return typed == null ? "" : typed;
    }
}
