package org.sectormap.comment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.sectormap.shared.PageCount;
import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Coding anonymous comments into themes, and what the coding adds up to. */
@Service
public class ThemeService {

    static final int NAME_LENGTH = 100;
    private static final String NAME = "name";

    private final ThemeRepository themes;
    private final CommentRepository comments;
    private final Inputs inputs;
    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    ThemeService(ThemeRepository themes, CommentRepository comments, Inputs inputs, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.themes = themes;
        this.audit = audit;
        this.comments = comments;
        this.inputs = inputs;
    }

    /** A comment with the themes it is coded under. */
    public record CodedComment(AnonymousComment comment, List<Theme> themes) {
    }

    /** Comments per theme, by questionnaire section, and in all. */
    public record Summary(List<String> sections, List<Row> rows) {

        public record Row(Theme theme, Map<String, Long> bySection, long total) {
        }
    }

    @Transactional(readOnly = true)
    public List<Theme> all() {
        return themes.all();
    }

    @Transactional(readOnly = true)
    public Optional<Theme> find(long id) {
        return themes.all().stream().filter(t -> t.id() == id).findFirst();
    }

    /** Hands every comment over with its themes, in order, a batch at a time: a download never holds them all. */
    @Transactional(readOnly = true)
    public void forEachCoded(Consumer<CodedComment> consumer) {
        List<AnonymousComment> batch = new ArrayList<>(BATCH);
        comments.forEach(comment -> {
            batch.add(comment);
            if (batch.size() == BATCH) {
                withThemes(batch).forEach(consumer);
                batch.clear();
            }
        });
        withThemes(batch).forEach(consumer);
    }

    private static final int BATCH = 500;

    /** Every comment coded under a theme, in order, one at a time. */
    @Transactional(readOnly = true)
    public void forEachUnderTheme(long themeId, Consumer<AnonymousComment> consumer) {
        comments.forEachUnderTheme(themeId, consumer);
    }

    /**
     * The coded comments as a REFI-QDA project, written from two passes over one snapshot of them, so
     * that a comment released meanwhile is in both passes or neither.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void writeProject(OutputStream out, RefiQda.Names names, Instant now) throws IOException {
        new RefiQda(themes.all(), comments.sections(), this::forEachCoded, names).writeProject(out, now);
    }

    @Transactional(readOnly = true)
    void writeCodeBook(OutputStream out, RefiQda.Names names) throws IOException {
        new RefiQda(themes.all(), List.of(), consumer -> { }, names).writeCodeBook(out);
    }

    /**
     * The text of the comments under a theme marked as quotes, in the comments' order: the first
     * {@code most}, read without the rest, since a theme may hold a million comments.
     */
    @Transactional(readOnly = true)
    public List<String> quotes(long themeId, int most) {
        return comments.quotesUnderTheme(themeId, most);
    }

    /** Comments a page lists. */
    private static final int PAGE = 50;

    /** @param total every comment listed, on this page or another */
    public record CommentPage(List<CodedComment> comments, long total, int page, int pageCount) {

        static CommentPage of(List<CodedComment> comments, long total, int page) {
            return new CommentPage(comments, total, page, PageCount.of(total, PAGE));
        }
    }

    /** A page of every comment, with the themes of those alone. */
    @Transactional(readOnly = true)
    public CommentPage page(int page) {
        return CommentPage.of(withThemes(comments.page(offset(page), PAGE)), comments.count(), page);
    }

    /** A page of a theme's comments, with the themes of those alone: a theme may hold a million. */
    @Transactional(readOnly = true)
    public CommentPage underTheme(long themeId, int page) {
        long total = themes.count(themeId);
        return CommentPage.of(withThemes(comments.underThemes(Set.of(themeId), total, offset(page), PAGE)), total, page);
    }

    /** The first comments coded under any of these themes, in order. */
    @Transactional(readOnly = true)
    public List<AnonymousComment> underThemes(Set<Long> themeIds, int limit) {
        if (themeIds.isEmpty()) {
            return List.of();
        }
        long coded = themeIds.stream().mapToLong(themes::count).sum();
        return comments.underThemes(themeIds, coded, 0, limit);
    }

    private static long offset(int page) {
        return (long) (page - 1) * PAGE;
    }

    @Transactional(readOnly = true)
    Optional<CodedComment> comment(String id) {
        return comments.find(id).map(c -> withThemes(List.of(c)).get(0));
    }

    private List<CodedComment> withThemes(List<AnonymousComment> list) {
        Map<String, Set<Long>> coding = themes.coding(list.stream().map(AnonymousComment::id).toList());
        List<Theme> all = themes.all();
        return list.stream().map(c -> new CodedComment(c, all.stream()
                .filter(t -> coding.getOrDefault(c.id(), Set.of()).contains(t.id())).toList())).toList();
    }

    /** @return false when the comment or one of the themes does not exist, and nothing changes */
    @Transactional
    public boolean code(String commentId, Set<Long> themeIds, boolean quote) {
        if (!comments.exists(commentId) || !themeIds.stream().allMatch(themes::exists)) {
            return false;
        }
        themes.code(commentId, themeIds);
        comments.setQuote(commentId, quote);
        return true;
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
        Set<String> sections = new TreeSet<>();
        for (ThemeRepository.Count c : themes.counts()) {
            counts.computeIfAbsent(c.themeId(), k -> new LinkedHashMap<>()).put(c.sectionCode(), c.comments());
            sections.add(c.sectionCode());
        }
        List<Summary.Row> rows = new ArrayList<>();
        for (Theme theme : themes.all()) {
            Map<String, Long> bySection = counts.getOrDefault(theme.id(), Map.of());
            rows.add(new Summary.Row(theme, bySection, bySection.values().stream().mapToLong(Long::longValue).sum()));
        }
        return new Summary(List.copyOf(sections), rows);
    }

    /**
     * Adds or renames a theme.
     *
     * @throws InvalidInputException naming the field {@code name}
     */
    @Transactional
    public void save(Long id, String typed) {
        Input in = inputs.read(field -> typed);
        String name = in.required(NAME, NAME_LENGTH, "theme.error.required");
        if (name != null && themes.nameTaken(name, id == null ? -1 : id)) {
            in.problem(NAME, "theme.error.taken", name);
        }
        in.throwIfInvalid();
        if (id == null) {
            audit.created(audited(themes.add(name)), Map.of(NAME, name));
            return;
        }
        find(id).ifPresent(before -> {
            themes.rename(id, name);
            audit.changed(audited(id), Map.of(NAME, before.name()), Map.of(NAME, name));
        });
    }

    @Transactional
    public boolean delete(long id) {
        Optional<Theme> before = find(id);
        before.ifPresent(theme -> {
            events.publishEvent(new ThemeDeleting(id));
            themes.delete(id);
            audit.deleted(audited(id), Map.of(NAME, theme.name()));
        });
        return before.isPresent();
    }

    /** How the trail names a theme; its page shows the History. */
    public static Audited audited(long id) {
        return Audited.of(AuditKind.THEME, id);
    }
}
