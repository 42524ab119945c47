package org.sectormap.comment;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The counts behind the themes report and the list of comments follow the comments and coding restored rather than travel in a backup. */
@Configuration
class CommentTables {

    @Bean
    DerivedTables derivedCommentTables(ThemeRepository themes, CommentRepository comments) {
        return new DerivedTables(List.of("comment_theme_tally", "comment_tally"), List.of("DELETE FROM comment_theme_tally",
                themes.recount(), "DELETE FROM comment_tally", comments.recount()));
    }
}
