package org.sectormap.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.sectormap.shared.DatabaseFailure;
import org.sectormap.shared.Databases;
import org.sectormap.shared.RegisterReplaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, where a page deep in a list starts, from the marks V159 keeps for each order a list
 * is read in by one index (V160 gives each tick box's ticked records one by name; its unticked are
 * read along the name index, stepping over the ticked): every thousandth record in that order when
 * last marked, with its position then, and each change since as +1 or -1 at the values a record holds
 * or held. The records before a
 * mark number its position plus the changes before it; a page starts from the last mark before it and
 * steps past fewer than a thousand records more, where OFFSET stepped past every one (500,000 for page
 * 20,000 of a million). Each page is one statement, so one snapshot: exact while records change around it.
 */
@Repository
class OrderMarks {

    private static final Logger log = LoggerFactory.getLogger(OrderMarks.class);
    /** Records between marks. */
    static final int SPACING = 1_000;
    /** Changes piled up before the marks are taken again. */
    static final int MARK_FROM = 1_000;
    /**
     * Beyond this many changes (an import or a restore not yet taken in), a page is read by OFFSET until
     * the next marking: summing them would cost more than it saves.
     */
    static final int READ_UP_TO = 20_000;
    private static final String NO_VALUE = "CAST('' AS VARCHAR(100)) COLLATE \"C\"";
    private static final String NO_NAME = "CAST('' AS VARCHAR(300)) COLLATE \"C\"";
    /** The orders a marking marks, as it notes them. */
    private static final String ORDERS = Arrays.stream(Ordering.values()).map(Ordering::code)
            .collect(Collectors.joining(","));

    /**
     * An order a list is read in by one index: its first column, null for the name's; whether the name
     * follows; whether it holds the records without a value in its column, by id, which the list puts
     * after those holding one; and a value its records hold fixed, if any. By name, a tick box's ticked
     * records are read from the box's own index (V160), its unticked along the name index, stepping
     * over the ticked from the mark on; the interviewed by date along the date's index, stepping over
     * the rest.
     */
    enum Ordering {
        NAME("name", null, true, false), STATUS_NAME("status-name", "status", true, false),
        AREA_NAME("area-name", "area", true, false), CATEGORY_NAME("category-name", "category", true, false),
        STATUS("status", "status", false, false), AREA("area", "area", false, false),
        CATEGORY("category", "category", false, false), INTERVIEW_DATE("interview-date", "interview_date", false, false),
        AREA_NONE("area-none", "area", false, true), CATEGORY_NONE("category-none", "category", false, true),
        INTERVIEW_DATE_NONE("interview-date-none", "interview_date", false, true),
        INTERVIEWED_DATE("interviewed-date", "interview_date", false, false, "status = 'interviewed'"),
        INTERVIEWED_UNDATED("interviewed-undated", "interview_date", false, true, "status = 'interviewed'"),
        FULL_INTERVIEW_NAME("full-interview-name", null, true, false, "full_interview = TRUE"),
        FOLLOW_UP_NAME("follow-up-name", null, true, false, "follow_up = TRUE"),
        CYP_BOARD_NAME("cyp-board-name", null, true, false, "cyp_board = TRUE"),
        WELL_INFORMED_NAME("well-informed-name", null, true, false, "well_informed = TRUE"),
        NOT_FULL_INTERVIEW("not-full-interview", null, true, false, "full_interview = FALSE"),
        NOT_FOLLOW_UP("not-follow-up", null, true, false, "follow_up = FALSE"),
        NOT_CYP_BOARD("not-cyp-board", null, true, false, "cyp_board = FALSE"),
        NOT_WELL_INFORMED("not-well-informed", null, true, false, "well_informed = FALSE");

        private static final String DATE = OrganisationQuery.Sort.INTERVIEW_DATE.column();

        private final String code;
        private final String column;
        private final boolean byName;
        private final boolean none;
        private final String fixed;

        Ordering(String code, String column, boolean byName, boolean none) {
            this(code, column, byName, none, null);
        }

        Ordering(String code, String column, boolean byName, boolean none, String fixed) {
            this.code = code;
            this.column = column;
            this.byName = byName;
            this.none = none;
            this.fixed = fixed;
        }

        String code() {
            return code;
        }

        String column() {
            return column;
        }

        boolean holdsNone() {
            return none;
        }

        /** Every record holding a value in the sort's column, in the list's order, where an index holds that order. */
        static Ordering sortedBy(OrganisationQuery.Sort sort) {
            return switch (sort) {
                case NAME -> NAME;
                case STATUS -> STATUS;
                case AREA -> AREA;
                case CATEGORY -> CATEGORY;
                case INTERVIEW_DATE -> INTERVIEW_DATE;
            };
        }

        /** The records without a value in this order's column, of the same fixed value, which follow its own. */
        Optional<Ordering> none() {
            return Arrays.stream(values()).filter(o -> o.none && !none && !byName && o.column.equals(column)
                    && Objects.equals(o.fixed, fixed)).findFirst();
        }

        /** Those holding a value in the column, by it and then by name. */
        static Ordering byName(String column) {
            return Arrays.stream(values()).filter(o -> o.byName && column.equals(o.column)).findFirst().orElseThrow();
        }

        /** Those ticked, or not, in the tick box whose column this is, by name. */
        static Ordering boxed(String box, boolean tick) {
            String fixed = box + (tick ? " = TRUE" : " = FALSE");
            return Arrays.stream(values()).filter(o -> fixed.equals(o.fixed)).findFirst().orElseThrow();
        }

        /** The index's columns, in its order (the column, empty throughout, leads the records without a value). */
        String key() {
            return Stream.of(column, byName ? "name_sort" : null, "id").filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
        }

        /** Whether organisation_tally counts its records; it has no interview date. */
        boolean tallied() {
            return !DATE.equals(column);
        }

        /** The mark's value: the column's, a date as ISO text, which sorts as the date does. */
        private String value(String table) {
            if (column == null || none) {
                return NO_VALUE;
            }
            return DATE.equals(column) ? "CAST(TO_CHAR(" + table + column + ", 'YYYY-MM-DD') AS VARCHAR(100)) COLLATE \"C\""
                    : table + column;
        }

        private String name(String table) {
            return byName ? table + "name_sort" : NO_NAME;
        }

        /** The order's records: those holding its fixed value, and a value in its first column or none. */
        String holds() {
            String own = column == null ? null : column + (none ? " IS NULL" : " IS NOT NULL");
            return own == null ? fixed : fixed == null ? own : fixed + " AND " + own;
        }

        private String holding() {
            return holds() == null ? "" : " WHERE " + holds();
        }

        /** The order's records from the start on, in its key's order. */
        private String from() {
            if (none) {
                return column + " IS NULL AND id >= (SELECT id FROM start)";
            }
            // The mark before every record holds no value, and no date: the earliest date the list's input takes is later.
            String value = DATE.equals(column) ? "COALESCE(CAST(NULLIF((SELECT value FROM start), '') AS DATE), DATE '0001-01-01')"
                    : "(SELECT value FROM start)";
            return "(" + key() + ") >= (" + Stream.of(column == null ? null : value,
                    byName ? "(SELECT name_sort FROM start)" : null, "(SELECT id FROM start)")
                    .filter(Objects::nonNull).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** A list read in one order: all its records holding a value in its first column, or those holding {@code value}. */
    record Span(Ordering ordering, String value) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate repeatableRead;
    private final boolean postgres;

    OrderMarks(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.postgres = !Databases.isH2(dataSource);
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Whether a page can be read from the marks now: on PostgreSQL, with few enough changes since the
     * last marking, which marked these orders (an order added since has no marks and no count).
     */
    boolean usable() {
        return postgres && jdbc.sql("SELECT COUNT(*) FROM organisation_order_marking WHERE orders = :orders"
                + " AND (SELECT COUNT(*) FROM (SELECT 1 FROM organisation_order_change FETCH FIRST :upTo ROWS ONLY) c) <= :most")
                .param("orders", ORDERS).param("upTo", READ_UP_TO + 1).param("most", READ_UP_TO).query(Long.class).single() > 0;
    }

    private boolean marked() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation_order_marking WHERE orders = :orders").param("orders", ORDERS)
                .query(Long.class).single() > 0;
    }

    /**
     * The page {@code offset} records from the span's first in the given direction, of the given columns,
     * ascending in the order whatever the direction. Any page must end within the span.
     */
    OrganisationRepository.Statement page(String columns, Span span, boolean descending, long offset, int size) {
        Ordering ordering = span.ordering();
        String c = ordering.column();
        // Where the span starts in the order and how many it holds, exact in the same snapshot.
        String where = span.value() == null ? "SELECT 0 AS first, " + counted(ordering) + " AS n"
                : "SELECT COALESCE(SUM(CASE WHEN " + c + " COLLATE \"C\" < :value THEN organisations END), 0) AS first, "
                        + "COALESCE(SUM(CASE WHEN " + c + " = :value THEN organisations END), 0) AS n FROM organisation_tally"
                        + ordering.holding();
        // Each step is materialised, so that the tally is summed once, not once a mark.
        String page = "WITH span AS MATERIALIZED (" + where + "), wanted AS MATERIALIZED ("
                + " SELECT first + GREATEST(CASE WHEN :descending THEN n - :offset - :size ELSE :offset END, 0) AS position"
                + " FROM span"
                + "), marks AS ("
                + " SELECT value, name_sort, id, kind, position"
                + " + SUM(organisations) OVER (ORDER BY value, name_sort, id, kind ROWS UNBOUNDED PRECEDING) AS before"
                // The mark ('', '', 0) stands before every record; a change at a mark's key comes after it.
                + " FROM (SELECT " + NO_VALUE + " AS value, " + NO_NAME + " AS name_sort, CAST(0 AS BIGINT) AS id,"
                + " CAST(0 AS BIGINT) AS position, 0 AS organisations, 0 AS kind"
                + " UNION ALL SELECT value, name_sort, organisation_id, position, 0, 0 FROM organisation_order_mark"
                + " WHERE ordering = :ordering"
                + " UNION ALL SELECT " + ordering.value("") + ", " + ordering.name("") + ", organisation_id, 0, organisations, 1"
                + " FROM organisation_order_change" + ordering.holding() + ") a"
                + "), start AS MATERIALIZED ("
                + " SELECT m.value, m.name_sort, m.id, w.position - m.before AS skip FROM marks m, wanted w"
                + " WHERE m.kind = 0 AND m.before <= w.position"
                + " ORDER BY m.value DESC, m.name_sort DESC, m.id DESC FETCH FIRST 1 ROWS ONLY"
                + ") SELECT " + ordering.key() + " FROM organisation WHERE " + ordering.from()
                + (ordering.fixed == null ? "" : " AND " + ordering.fixed)
                + " ORDER BY " + ordering.key() + " OFFSET (SELECT skip FROM start) ROWS FETCH NEXT :size ROWS ONLY";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("descending", descending);
        params.put("offset", offset);
        params.put("size", size);
        params.put("ordering", ordering.code);
        String within = "";
        if (span.value() != null) {
            params.put("value", span.value());
            // A page at the span's end would read on into the next value.
            within = " WHERE p." + c + " = :value";
        }
        // Each record read by its id, whatever the planner guesses of the page (it had read all of a
        // status's records to join them to the page's ids).
        return new OrganisationRepository.Statement("SELECT o.* FROM (" + page + ") p CROSS JOIN LATERAL (SELECT "
                + columns + " FROM organisation WHERE id = p.id) o" + within + " ORDER BY "
                + Arrays.stream(ordering.key().split(", ")).map(k -> "p." + k).collect(Collectors.joining(", ")), params);
    }

    /**
     * Marks every order again and drops the changes taken in, all in one repeatable-read snapshot, so
     * that a change committed meanwhile stays a change. Replacing the one row first makes a second
     * marking at once fail rather than mark twice (the row deleted under it, or its key taken).
     *
     * @return whether anything was marked: false on H2
     */
    boolean mark() {
        if (!postgres) {
            return false;
        }
        repeatableRead.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM organisation_order_marking").update();
            jdbc.sql("INSERT INTO organisation_order_marking (id, marked_at, orders) VALUES (1, CURRENT_TIMESTAMP, :orders)")
                    .param("orders", ORDERS).update();
            jdbc.sql("DELETE FROM organisation_order_mark").update();
            for (Ordering ordering : Ordering.values()) {
                jdbc.sql("INSERT INTO organisation_order_mark (ordering, value, name_sort, organisation_id, position)"
                                + " SELECT :ordering, " + ordering.value("o.") + ", " + ordering.name("o.") + ", o.id, o.n - 1"
                                + " FROM (SELECT " + ordering.key() + ", ROW_NUMBER() OVER (ORDER BY " + ordering.key()
                                + ") AS n FROM organisation" + ordering.holding() + ") o WHERE MOD(o.n - 1, :spacing) = 0")
                        .param("ordering", ordering.code).param("spacing", SPACING).update();
            }
            jdbc.sql("DELETE FROM organisation_order_total").update();
            for (Ordering ordering : Ordering.values()) {
                if (!ordering.tallied()) {
                    jdbc.sql("INSERT INTO organisation_order_total (ordering, records) SELECT :ordering, COUNT(*)"
                            + " FROM organisation" + ordering.holding()).param("ordering", ordering.code).update();
                }
            }
            jdbc.sql("DELETE FROM organisation_order_change").update();
        });
        return true;
    }

    /** How many records the order holds now. */
    long records(Ordering ordering) {
        return jdbc.sql("SELECT " + counted(ordering)).query(Long.class).single();
    }

    /** How many records the order holds, in the statement's snapshot: from the tally, or as marked and changed since. */
    private static String counted(Ordering ordering) {
        String changed = "(SELECT COALESCE(SUM(organisations), 0) FROM %s" + ordering.holding() + ")";
        return ordering.tallied() ? String.format(changed, "organisation_tally")
                : "(COALESCE((SELECT records FROM organisation_order_total WHERE ordering = '" + ordering.code + "'), 0) + "
                        + String.format(changed, "organisation_order_change") + ")";
    }

    /** Due once a thousand changes have piled up, or when the last marking marked other orders than these (V164). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void markWhenDue() {
        if (postgres && (changes(MARK_FROM) >= MARK_FROM || !marked())) {
            markOrLeave();
        }
    }

    /**
     * After a restore, or a test's emptying every table, past the triggers: marked afresh at once. A
     * restore has committed by then, so a marking that fails (another under way) is left to the next.
     */
    @EventListener
    void on(RegisterReplaced replaced) {
        markOrLeave();
    }

    private void markOrLeave() {
        try {
            mark();
        } catch (DataAccessException e) {
            log.info("organisation_order_mark not marked this time: {}", DatabaseFailure.describe(e));
        }
    }

    /** The changes since the last marking, counted up to {@code upTo}. */
    private long changes(int upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM organisation_order_change FETCH FIRST :upTo ROWS ONLY) c")
                .param("upTo", upTo).query(Long.class).single();
    }
}
