package org.sectormap.comment;

import java.util.List;

import org.sectormap.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommentApiController {

    private final CommentService comments;
    private final ThemeService themes;

    CommentApiController(CommentService comments, ThemeService themes) {
        this.comments = comments;
        this.themes = themes;
    }

    /** A comment as the API shows it: its theme (the questionnaire section) and its text, nothing else. */
    record CommentJson(String theme, String text) {

        static CommentJson of(AnonymousComment c) {
            return new CommentJson(c.sectionCode() + ". " + c.sectionTitle(), c.text());
        }
    }

    record ThemeJson(long id, String name, long comments) {
    }

    /** How many interviews' comments wait in the pool and how many interviews release it: counts, never content. */
    record WaitingJson(int interviews, int releaseAfter) {
    }

    @GetMapping("/api/comments")
    List<CommentJson> all() {
        return comments.all().stream().map(CommentJson::of).toList();
    }

    @GetMapping("/api/comments/waiting")
    WaitingJson waiting() {
        CommentService.Waiting waiting = comments.waiting();
        return new WaitingJson(waiting.interviews(), waiting.releaseAfter());
    }

    @GetMapping("/api/themes")
    List<ThemeJson> themes() {
        return themes.summary().rows().stream()
                .map(row -> new ThemeJson(row.theme().id(), row.theme().name(), row.total())).toList();
    }

    @GetMapping("/api/themes/{id}/comments")
    List<CommentJson> underTheme(@PathVariable long id) {
        themes.find(id).orElseThrow(() -> new NotFoundException("error.notFound.theme", id));
        return themes.underTheme(id).stream().map(coded -> CommentJson.of(coded.comment())).toList();
    }
}
