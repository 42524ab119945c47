package org.sectormap.comment;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

@ApiController
class CommentApiController {

    private final CommentService comments;
    private final ThemeService themes;
    private final JsonMapper json;

    CommentApiController(CommentService comments, ThemeService themes, JsonMapper json) {
        this.comments = comments;
        this.json = json;
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

    /** Every comment, written as it is read: a JSON array that is never held whole. */
    @GetMapping("/api/comments")
    void all(HttpServletResponse response) throws IOException {
        array(response, comments::forEach);
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
    void underTheme(@PathVariable long id, HttpServletResponse response) throws IOException {
        themes.find(id).orElseThrow(() -> new NotFoundException("error.notFound.theme", id));
        array(response, each -> themes.forEachUnderTheme(id, each));
    }

    private void array(HttpServletResponse response, Consumer<Consumer<AnonymousComment>> comments) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartArray();
            comments.accept(c -> out.writePOJO(CommentJson.of(c)));
            out.writeEndArray();
        }
    }
}
