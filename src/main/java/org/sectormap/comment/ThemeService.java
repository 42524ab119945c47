package org.sectormap.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.stereotype.Service;
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

    ThemeService(ThemeRepository themes, CommentRepository comments, Inputs inputs, AuditTrail audit) {
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

    @Transactional(readOnly = true)
    public List<CodedComment> coded() {
        return withThemes(comments.all());
    }

    @Transactional(readOnly = true)
    public List<CodedComment> underTheme(long themeId) {
        return withThemes(comments.underTheme(themeId));
    }

    /** Comments a page of a theme lists. */
    private static final int THEME_PAGE = 50;

    /** @param total every comment under the theme, on this page or another */
    public record ThemePage(List<CodedComment> comments, long total, int page, int pageCount) {
    }

    /** A page of a theme's comments, with the themes of those alone: a theme may hold a million. */
    @Transactional(readOnly = true)
    public ThemePage underTheme(long themeId, int page) {
        List<AnonymousComment> listed = comments.underTheme(themeId, (long) (page - 1) * THEME_PAGE, THEME_PAGE);
        long total = themes.count(themeId);
        return new ThemePage(withThemes(listed, themes.coding(listed.stream().map(AnonymousComment::id).toList())),
                total, page, (int) Math.max(1, (total + THEME_PAGE - 1) / THEME_PAGE));
    }

    /**
     * The text of the comments under a theme marked as quotes, in the comments' order: the first
     * {@code most}, read without the rest, since a theme may hold a million comments.
     */
    @Transactional(readOnly = true)
    public List<String> quotes(long themeId, int most) {
        return comments.quotesUnderTheme(themeId, most);
    }

    /** Comments whose themes are looked up at once while every comment is handed over. */
    private static final int CODING_BATCH = 1_000;

    /**
     * Hands every comment with its themes to the consumer, in the list's order, as they are read: a
     * download of two million comments holds a thousand at a time.
     */
    @Transactional(readOnly = true)
    public void forEachCoded(Consumer<CodedComment> each) {
        List<AnonymousComment> batch = new ArrayList<>();
        comments.forEach(c -> {
            batch.add(c);
            if (batch.size() == CODING_BATCH) {
                handOver(batch, each);
            }
        });
        handOver(batch, each);
    }

    private void handOver(List<AnonymousComment> batch, Consumer<CodedComment> each) {
        withThemes(batch, themes.coding(batch.stream().map(AnonymousComment::id).toList())).forEach(each);
        batch.clear();
    }

    @Transactional(readOnly = true)
    Optional<CodedComment> comment(String id) {
        return comments.find(id).map(c -> withThemes(List.of(c), themes.coding(List.of(id))).get(0));
    }

    private List<CodedComment> withThemes(List<AnonymousComment> list) {
        return withThemes(list, themes.coding());
    }

    private List<CodedComment> withThemes(List<AnonymousComment> list, Map<String, Set<Long>> coding) {
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
