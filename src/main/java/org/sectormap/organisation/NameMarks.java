package org.sectormap.organisation;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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
 * On PostgreSQL, where a page deep in the list of every record by name starts, from the marks V159
 * keeps: every thousandth record in name order when last marked, with its position then, and each
 * change since as +1 or -1 at a name. The records before a mark number its position plus the changes
 * before it; a page starts from the last mark before it and steps past fewer than a thousand records
 * more, where OFFSET stepped past every one (500,000 for page 20,000 of a million). It is all one
 * statement, so one snapshot: exact while records are added and deleted around it.
 */
@Repository
class NameMarks {

    private static final Logger log = LoggerFactory.getLogger(NameMarks.class);
    /** Records between marks; V159 marked as many. */
    static final int SPACING = 1_000;
    /** Changes piled up before the marks are taken again. */
    static final int MARK_FROM = 1_000;
    /**
     * Beyond this many changes (an import or a restore not yet taken in), a page is read by OFFSET until
     * the next marking: summing them would cost more than it saves.
     */
    static final int READ_UP_TO = 20_000;

    /**
     * The ids of a page, ascending by name. A descending page is the ascending one ending as far from
     * the end; the mark ('', 0) stands before every record.
     */
    private static final String PAGE_IDS = """
            WITH total AS (
                SELECT COALESCE((SELECT organisations FROM organisation_name_marking), 0)
                    + COALESCE((SELECT SUM(organisations) FROM organisation_name_change), 0) AS n
            ), wanted AS (
                SELECT GREATEST(CASE WHEN :descending THEN n - :offset - :size ELSE :offset END, 0) AS position FROM total
            ), marks AS (
                SELECT name_sort, id, kind, position + SUM(organisations)
                    OVER (ORDER BY name_sort, id, kind ROWS UNBOUNDED PRECEDING) AS before
                FROM (SELECT CAST('' AS VARCHAR(300)) COLLATE "C" AS name_sort, CAST(0 AS BIGINT) AS id,
                            CAST(0 AS BIGINT) AS position, 0 AS organisations, 0 AS kind
                      UNION ALL SELECT name_sort, organisation_id, position, 0, 0 FROM organisation_name_mark
                      UNION ALL SELECT name_sort, organisation_id, 0, organisations, 1 FROM organisation_name_change) a
            ), start AS MATERIALIZED (
                SELECT m.name_sort, m.id, w.position - m.before AS skip FROM marks m, wanted w
                WHERE m.kind = 0 AND m.before <= w.position ORDER BY m.name_sort DESC, m.id DESC FETCH FIRST 1 ROWS ONLY
            )
            SELECT id FROM organisation WHERE name_sort >= (SELECT name_sort FROM start)
                AND (name_sort > (SELECT name_sort FROM start) OR id >= (SELECT id FROM start))
            ORDER BY name_sort, id OFFSET (SELECT skip FROM start) ROWS FETCH NEXT :size ROWS ONLY""";

    private final JdbcClient jdbc;
    private final TransactionTemplate repeatableRead;
    private final boolean postgres;

    NameMarks(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.postgres = !Databases.isH2(dataSource);
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Whether a page can be read from the marks now: on PostgreSQL, with few enough changes since the last marking. */
    boolean usable() {
        return postgres && changes(READ_UP_TO + 1) <= READ_UP_TO;
    }

    /**
     * The ids of the page {@code offset} records from the first in the given direction, ascending by name
     * whatever the direction; a descending page must end at least {@code size} records from the last.
     */
    OrganisationRepository.Statement pageIds(boolean descending, long offset, int size) {
        return new OrganisationRepository.Statement(PAGE_IDS,
                Map.of("descending", descending, "offset", offset, "size", size));
    }

    /**
     * Marks every thousandth record again and drops the changes it takes in, all in one repeatable-read
     * snapshot, so that a change committed meanwhile stays a change. Replacing the one row first makes a
     * second marking at once fail rather than mark twice (the row deleted under it, or its key taken).
     *
     * @return whether anything was marked: false on H2
     */
    boolean mark() {
        if (!postgres) {
            return false;
        }
        repeatableRead.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM organisation_name_marking").update();
            jdbc.sql("INSERT INTO organisation_name_marking (id, organisations) SELECT 1, COUNT(*) FROM organisation")
                    .update();
            jdbc.sql("DELETE FROM organisation_name_mark").update();
            jdbc.sql("INSERT INTO organisation_name_mark (position, name_sort, organisation_id) SELECT n - 1, name_sort, id"
                            + " FROM (SELECT name_sort, id, ROW_NUMBER() OVER (ORDER BY name_sort, id) AS n FROM organisation)"
                            + " numbered WHERE MOD(n - 1, :spacing) = 0")
                    .param("spacing", SPACING).update();
            jdbc.sql("DELETE FROM organisation_name_change").update();
        });
        return true;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void markWhenDue() {
        if (postgres && changes(MARK_FROM) >= MARK_FROM) {
            try {
                mark();
            } catch (DataAccessException e) {
                log.info("organisation_name_mark not marked this time: {}", e.getMessage());
            }
        }
    }

    /** After a restore, or a test's emptying every table, past the triggers: marked afresh at once. */
    @EventListener
    void on(RegisterReplaced replaced) {
        mark();
    }

    /** The changes since the last marking, counted up to {@code upTo}. */
    private long changes(int upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM organisation_name_change FETCH FIRST :upTo ROWS ONLY) c")
                .param("upTo", upTo).query(Long.class).single();
    }
}
