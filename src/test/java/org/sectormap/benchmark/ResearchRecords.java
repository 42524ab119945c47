package org.sectormap.benchmark;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The research record of a generated register, scaled to its organisations: per 1,000,000 of them
 * about 3,000,000 contact attempts (most organisations 0 to 5, one in a hundred 50 to 89, and one
 * chosen organisation exactly 50), 500,000 interviews of interviewed organisations and 2,000,000
 * anonymous comments, most under one theme, some under two, a few under none, the first themes
 * the most used. Written many rows to a statement, as the import writes organisations.
 */
final class ResearchRecords {

    /** Well under PostgreSQL's 32,767 parameters a statement at up to eleven a row. */
    private static final int ROWS_PER_INSERT = 1_000;
    private static final String[] METHODS = {"telephone", "telephone", "telephone", "email", "email", "visit",
        "letter", "other"};
    private static final String[] OUTCOMES = {"no-answer", "no-answer", "no-answer", "call-back-arranged",
        "declined", "interview-arranged", "interview-held", "other"};
    private static final String[] SECTIONS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final String[] WORDS = {"funding", "volunteers", "council", "young", "people", "network",
        "forum", "training", "premises", "language", "faith", "commissioning", "trust", "information", "meetings",
        "partnership", "small", "groups", "capacity", "new", "communities", "represented", "consulted", "never"};

    private final JdbcTemplate jdbc;
    private final Random random = new Random(1007);

    /** The organisation given exactly 50 contact attempts, whose page is timed. */
    private long withFiftyAttempts;

    ResearchRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long withFiftyAttempts() {
        return withFiftyAttempts;
    }

    static void empty(JdbcTemplate jdbc) {
        for (String table : List.of("comment_theme_tally", "comment_theme", "anonymous_comment", "interview_answer",
                "interview", "contact_attempt_latest", "contact_attempt")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Takes the research record a fill of the same register left, rather than writing it again. */
    void reuse() {
        long organisations = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        withFiftyAttempts = jdbc.queryForObject("SELECT id FROM organisation ORDER BY id OFFSET ? ROWS "
                + "FETCH FIRST 1 ROWS ONLY", Long.class, organisations / 2);
    }

    /** @return the rows written: attempts, interviews and comments with their coding */
    long fill(int organisations) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM organisation ORDER BY id", Long.class);
        List<Long> interviewed = jdbc.queryForList("SELECT id FROM organisation WHERE status = 'interviewed' "
                + "ORDER BY id FETCH FIRST " + (organisations / 2) + " ROWS ONLY", Long.class);
        List<Long> themes = jdbc.queryForList("SELECT id FROM theme ORDER BY position, id", Long.class);
        withFiftyAttempts = ids.get(ids.size() / 2);
        return attempts(ids) + interviews(interviewed) + comments(organisations * 2L, themes);
    }

    private long attempts(List<Long> ids) {
        Rows rows = new Rows("contact_attempt (organisation_id, attempted_on, method, outcome, note)",
                new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        LocalDate start = LocalDate.of(2007, 6, 1);
        for (long id : ids) {
            int attempts = id == withFiftyAttempts ? 50
                    : random.nextInt(100) == 0 ? 50 + random.nextInt(40) : random.nextInt(6);
            for (int i = 0; i < attempts; i++) {
                rows.add(id, Date.valueOf(start.plusDays(random.nextInt(120))), METHODS[random.nextInt(METHODS.length)],
                        OUTCOMES[random.nextInt(OUTCOMES.length)], random.nextInt(4) == 0 ? text(8) : null);
            }
        }
        return rows.close();
    }

    private long interviews(List<Long> ids) {
        Rows rows = new Rows("interview (organisation_id, held_on, mode, interviewee_role, name_consent, interviewer, "
                + "full_interview, follow_up, cyp_board, well_informed, statutory_work)",
                new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
                    Types.BOOLEAN, Types.BOOLEAN, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN});
        String[] boards = {"no", "no", "directly", "through-board-member"};
        for (long id : ids) {
            rows.add(id, Date.valueOf(LocalDate.of(2007, 7, 1).plusDays(random.nextInt(21))),
                    random.nextBoolean() ? "visit" : "telephone", "Coordinator", false, "Researcher "
                            + random.nextInt(6), random.nextInt(10) < 8, random.nextInt(3) == 0,
                    boards[random.nextInt(boards.length)], random.nextBoolean(), random.nextInt(4) == 0);
        }
        return rows.close();
    }

    private long comments(long count, List<Long> themes) {
        Rows comments = new Rows("anonymous_comment (id, section_code, section_title, comment_text, quote)",
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN});
        Rows coding = new Rows("comment_theme (comment_id, theme_id)", new int[] {Types.VARCHAR, Types.BIGINT});
        for (long i = 0; i < count; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String section = SECTIONS[random.nextInt(SECTIONS.length)];
            comments.add(id, section, "Section " + section, text(6 + random.nextInt(30)), random.nextInt(20) == 0);
            int roll = random.nextInt(100);
            int under = roll < 5 ? 0 : roll < 85 ? 1 : 2;
            long first = theme(themes);
            if (under > 0) {
                coding.add(id, first);
            }
            long second = theme(themes);
            if (under > 1 && second != first) {
                coding.add(id, second);
            }
            // Comments first: their coding refers to them.
            if (coding.size() >= ROWS_PER_INSERT / 2) {
                comments.flush();
                coding.flush();
            }
        }
        return comments.close() + coding.close();
    }

    /** The first themes are used most, as a report's main findings are. */
    private long theme(List<Long> themes) {
        double u = random.nextDouble();
        return themes.get((int) (u * u * themes.size()));
    }

    private String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** Rows of one table gathered and written {@value #ROWS_PER_INSERT} to a statement, each value's type stated. */
    private final class Rows {

        private final String into;
        private final int[] types;
        private final List<Object[]> pending = new ArrayList<>();
        private long written;

        Rows(String into, int[] types) {
            this.into = into;
            this.types = types;
        }

        void add(Object... row) {
            pending.add(row);
            if (pending.size() == ROWS_PER_INSERT) {
                flush();
            }
        }

        int size() {
            return pending.size();
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            String row = "(" + String.join(", ", Collections.nCopies(types.length, "?")) + ")";
            String sql = "INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(pending.size(), row));
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                int at = 1;
                for (Object[] values : pending) {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(at++, values[i], types[i]);
                    }
                }
                return statement;
            });
            written += pending.size();
            pending.clear();
        }

        long close() {
            flush();
            return written;
        }
    }
}
