package org.sectormap.comment;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommentApiController {

    private final CommentService comments;

    CommentApiController(CommentService comments) {
        this.comments = comments;
    }

    /** A comment as the API shows it: its theme and its text, and nothing else. */
    record CommentJson(String theme, String text) {
    }

    @GetMapping("/api/comments")
    List<CommentJson> all() {
        return comments.all().stream()
                .map(c -> new CommentJson(c.sectionCode() + ". " + c.sectionTitle(), c.text())).toList();
    }
}
