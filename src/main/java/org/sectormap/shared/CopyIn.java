package org.sectormap.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Rows sent to PostgreSQL by {@code COPY ... FROM STDIN} on the current transaction's connection. An
 * import's rows cost the server far less this way than as INSERT statements, which it must parse and
 * plan, and the driver less than binding each value; the rows commit or roll back with the rest of
 * the transaction.
 */
public final class CopyIn {

    private CopyIn() {
    }

    /**
     * @param columns the table's columns that each row gives, in order
     * @param rows each row's values: text, numbers, booleans, dates, {@link LocalDateTime} and
     *        {@link OffsetDateTime}, or null
     */
    public static void rows(DataSource dataSource, String table, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row.get(i));
            }
            text.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY " + table, sql, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY " + table + " was cut short", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in COPY's text format: \N for null, and backslash, tab and line ends escaped. */
    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof OffsetDateTime time) {
            text.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        } else if (value instanceof LocalDateTime time) {
            text.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time));
        } else {
            escaped(text, value instanceof CharSequence chars ? chars : value.toString());
        }
    }

    private static void escaped(StringBuilder text, CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
