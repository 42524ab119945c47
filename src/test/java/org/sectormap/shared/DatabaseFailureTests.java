package org.sectormap.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failed import's log line says what the database refused (its SQLState, code and the constraint,
 * index or column) without the refused values, which may be someone's name or email.
 */
class DatabaseFailureTests {

    private static final String SECRET = "Jane Doe jane@example.org";

    private Connection connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:database-failure-tests");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE person (id BIGINT PRIMARY KEY, name VARCHAR(10) NOT NULL, "
                    + "email VARCHAR(320), age INTEGER, CONSTRAINT person_email UNIQUE (email), "
                    + "CONSTRAINT person_age CHECK (age < 200))");
        }
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }

    private String failure(String sql, Object... args) {
        Throwable thrown = catchThrowable(() -> jdbc.update(sql, args));
        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        return DatabaseFailure.describe(thrown);
    }

    @Test
    void shouldNameTheColumnOfAValueTooLongButNotTheValue() {
        String said = failure("INSERT INTO person (id, name) VALUES (1, ?)", SECRET);

        assertThat(said).contains("DataIntegrityViolationException", "SQLState 22001", "vendor code 22001", "named NAME")
                .doesNotContain("Jane", "jane");
    }

    @Test
    void shouldNameTheIndexOfADuplicateButNotTheValue() {
        jdbc.update("INSERT INTO person (id, name, email) VALUES (1, 'a', ?)", SECRET);

        String said = failure("INSERT INTO person (id, name, email) VALUES (2, 'b', ?)", SECRET);

        assertThat(said).contains("SQLState 23505").containsPattern("named PUBLIC\\.PERSON_EMAIL[A-Z_0-9]*")
                .doesNotContain("Jane", "jane");
    }

    @Test
    void shouldNameTheCheckConstraintAndTheNullColumn() {
        assertThat(failure("INSERT INTO person (id, name, age) VALUES (1, 'a', 250)"))
                .contains("SQLState 23513", "named PERSON_AGE").doesNotContain("250");
        assertThat(failure("INSERT INTO person (id, name) VALUES (1, NULL)")).contains("SQLState 23502", "named NAME");
    }

    @Test
    void shouldGiveOnlyTheStateAndCodeWhereTheMessageMightQuoteAValueFirst() {
        String said = failure("INSERT INTO person (id, name, age) VALUES (1, 'a', CAST(? AS BIGINT))", 12_345_678_901_234L);

        assertThat(said).containsPattern("SQLState 2200[34]").doesNotContain("named", "12345678901234");
    }

    @Test
    void shouldGiveTheClassAloneForAFailureOutsideTheDatabase() {
        assertThat(DatabaseFailure.describe(new IllegalStateException(SECRET))).isEqualTo("java.lang.IllegalStateException");
    }
}
