package org.sectormap.comment;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sectormap.shared.RestoreCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A comment's id is a random UUID wherever it comes from here, and the REFI-QDA export names each
 * comment's text file and source by it: a backup's id such as "../../x" would make every later export
 * hold an entry that climbs out of the folder it is unpacked into. Such a file is refused.
 */
@Component
class CommentIdCheck implements RestoreCheck {

    /** Lower-case hex in the 8-4-4-4-12 groups of a UUID, as the comments' ids are written. */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    public Optional<Refusal> check(JdbcClient restored) {
        // Streamed: a national register's two million comments are not held at once.
        try (Stream<String> ids = restored.sql("SELECT id FROM anonymous_comment").query(String.class).stream()) {
            long unlike = ids.filter(id -> !UUID.matcher(id).matches()).count();
            return unlike == 0 ? Optional.empty() : Optional.of(new Refusal("backup.error.commentId", unlike));
        }
    }
}
