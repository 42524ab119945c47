package org.sectormap.shared;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong in the database, said for a log line without the values involved: a database's own
 * message quotes the row it refused, which may be someone's name or email. It gives the exception's
 * class, the SQLState and vendor code of the first {@link SQLException} in the cause chain (class 23
 * an integrity constraint, class 22 a value that does not fit its column: both become Spring's
 * DataIntegrityViolationException) and, where the driver tells it, the constraint, index, table or
 * column concerned.
 */
public final class DatabaseFailure {

    /**
     * H2's codes whose message starts with the index, constraint or column, in quotes, before any value:
     * duplicate key (23505), referential integrity (23503, 23506), NULL not allowed (23502), check
     * constraint (23513), value too long (22001). Other messages may quote a value first.
     */
    private static final Set<Integer> H2_NAMED_FIRST = Set.of(23505, 23503, 23506, 23502, 23513, 22001);
    /** The name only: identifier characters after the first quote, up to a space, parenthesis or colon. */
    private static final Pattern H2_NAME = Pattern.compile("\"([A-Za-z0-9_$.]+)");
    private static final List<String> POSTGRESQL_FIELDS = List.of("Schema", "Table", "Column", "Constraint");

    private DatabaseFailure() {
    }

    public static String describe(Throwable failure) {
        StringBuilder said = new StringBuilder(failure.getClass().getName());
        SQLException sql = sqlException(failure);
        if (sql == null) {
            return said.toString();
        }
        said.append(" from ").append(sql.getClass().getName()).append(": SQLState ").append(sql.getSQLState())
                .append(", vendor code ").append(sql.getErrorCode());
        List<String> names = names(sql);
        if (!names.isEmpty()) {
            said.append(", ").append(String.join(", ", names));
        }
        return said.toString();
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static List<String> names(SQLException sql) {
        String driver = sql.getClass().getName();
        if (driver.startsWith("org.h2.")) {
            return h2Name(sql);
        }
        if (driver.startsWith("org.postgresql.")) {
            return postgresqlNames(sql);
        }
        return List.of();
    }

    private static List<String> h2Name(SQLException sql) {
        if (!H2_NAMED_FIRST.contains(sql.getErrorCode()) || sql.getMessage() == null) {
            return List.of();
        }
        Matcher name = H2_NAME.matcher(sql.getMessage());
        return name.find() ? List.of("named " + name.group(1)) : List.of();
    }

    /**
     * The server's error fields that name things, never its message or detail. Read reflectively: the
     * driver is on the class path only at run time, and only when the app runs on PostgreSQL.
     */
    private static List<String> postgresqlNames(SQLException sql) {
        List<String> names = new ArrayList<>();
        try {
            Object fields = sql.getClass().getMethod("getServerErrorMessage").invoke(sql);
            if (fields == null) {
                return names;
            }
            for (String field : POSTGRESQL_FIELDS) {
                Method getter = fields.getClass().getMethod("get" + field);
                Object value = getter.invoke(fields);
                if (value != null) {
                    names.add(field.toLowerCase(java.util.Locale.ROOT) + " " + value);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another driver version: the state and code are still said.
        }
        return names;
    }
}
