package org.sectormap.comment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CommentService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final CommentRepository comments;

    CommentService(CommentRepository comments) {
        this.comments = comments;
    }

    /**
     * Keeps a comment apart from whoever made it. Nothing identifying goes in, so there is
     * nothing to give back: the caller gets no key with which to link it to an interview.
     */
    @Transactional
    public void addAnonymous(String sectionCode, String sectionTitle, String text, LocalDate heardOn) {
        comments.insert(sectionCode, sectionTitle, text, heardOn == null ? null : heardOn.format(MONTH));
    }

    @Transactional(readOnly = true)
    public List<AnonymousComment> all() {
        return comments.all();
    }
}
