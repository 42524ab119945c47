package org.sectormap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Applies the operators' privileges script (docs/postgresql-privileges.sql) to a throw-away role and
 * checks, as that role, that the trail can be read and added to but not changed or deleted, but for
 * an erasure's overwriting of values.
 */
@DatabaseTest
class AuditPrivilegesTests {

    private static final String ROLE = "sectormap_app_check";
    private static final String PERMISSION_DENIED = "42501";

    @Value("${spring.datasource.url}")
    String url;

    @Autowired
    DataSource dataSource;

    @Test
    void shouldLetTheApplicationsRoleAddToTheTrailButNotChangeOrDeleteIt() throws Exception {
        assumeTrue(url.startsWith("jdbc:postgresql:"),
                "database privileges are PostgreSQL's: this is the H2 pass, the postgres pass checks them");
        String script = Files.readString(Path.of("docs/postgresql-privileges.sql")).replace("sectormap_app", ROLE);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            dropRole(sql);
            sql.execute("CREATE ROLE " + ROLE + " NOLOGIN");
            sql.execute("GRANT " + ROLE + " TO CURRENT_USER");
            try {
                for (String statement : statements(script)) {
                    sql.execute(statement);
                }
                sql.execute("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                        + "VALUES (CURRENT_TIMESTAMP, 'owner', 'CREATED', 'theme', '1', 'theme/1')");

                sql.execute("SET ROLE " + ROLE);
                sql.execute("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                        + "VALUES (CURRENT_TIMESTAMP, 'app', 'CHANGED', 'theme', '1', 'theme/1')");
                sql.execute("INSERT INTO audit_change (entry_id, field, before_value, after_value) "
                        + "SELECT MAX(id), 'name', 'Jo Bloggs', 'Funding' FROM audit_entry");
                assertThat(sql.executeUpdate("UPDATE audit_change SET before_value = 'erased on 2026-11-25' "
                        + "WHERE before_value LIKE '%Jo Bloggs%'")).isEqualTo(1);

                for (String refused : new String[] {"UPDATE audit_entry SET actor = 'someone else'",
                        "DELETE FROM audit_entry", "TRUNCATE audit_entry CASCADE", "DELETE FROM audit_change",
                        "UPDATE audit_change SET field = 'other'"}) {
                    assertThatThrownBy(() -> sql.execute(refused)).as(refused).isInstanceOf(SQLException.class)
                            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED);
                }
                assertThat(sql.executeQuery("SELECT COUNT(*) FROM organisation").next()).as("other tables as usual")
                        .isTrue();
            } finally {
                sql.execute("RESET ROLE");
                dropRole(sql);
            }
        }
    }

    private static void dropRole(Statement sql) throws SQLException {
        if (sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'").next()) {
            sql.execute("DROP OWNED BY " + ROLE);
            sql.execute("DROP ROLE " + ROLE);
        }
    }

    /** The script's statements, without its comments. */
    private static String[] statements(String script) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
