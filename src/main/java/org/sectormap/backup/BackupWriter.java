package org.sectormap.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes a register to one zip file: the manifest, then every table's rows in key order, read in
 * one repeatable-read transaction so the counts and the rows agree with each other and with the
 * foreign keys. Rows stream from a database cursor to the file, so the register's size does not
 * matter. Anonymous comments go in the order of their random ids: nothing that says when each was
 * said or which interview it came from, because their table holds nothing of that.
 */
final class BackupWriter {

    private static final int FETCH_SIZE = 1_000;

    private final ObjectMapper json;

    BackupWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(Register register, OutputStream out, Instant now) {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(register.dataSource()));
        transaction.setReadOnly(true);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.executeWithoutResult(status -> {
            JdbcTemplate jdbc = new JdbcTemplate(register.dataSource());
            jdbc.setFetchSize(FETCH_SIZE);
            Schema schema = register.schema();
            List<BackupFile.TableEntry> entries = new ArrayList<>();
            for (Schema.Table table : schema.tables()) {
                long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.name(), Long.class);
                entries.add(new BackupFile.TableEntry(table.name(), List.copyOf(table.columns().keySet()), rows));
            }
            try {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(BackupFile.MANIFEST));
                zip.write(json.writeValueAsBytes(new BackupFile(BackupFile.FORMAT, BackupFile.FORMAT_VERSION,
                        register.schemaVersion(), now.truncatedTo(ChronoUnit.SECONDS).toString(), entries)));
                zip.closeEntry();
                for (int i = 0; i < entries.size(); i++) {
                    zip.putNextEntry(new ZipEntry(entries.get(i).entryName()));
                    rows(jdbc, schema.tables().get(i), zip);
                    zip.closeEntry();
                }
                zip.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void rows(JdbcTemplate jdbc, Schema.Table table, OutputStream out) {
        List<Map.Entry<String, Integer>> columns = List.copyOf(table.columns().entrySet());
        jdbc.query("SELECT " + String.join(", ", table.columns().keySet()) + " FROM " + table.name() + " ORDER BY "
                + String.join(", ", table.key()), rs -> {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(value(rs, i + 1, columns.get(i).getValue()));
                    }
                    try {
                        out.write(json.writeValueAsBytes(row));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Each value as JSON holds it exactly: dates and times as ISO text, bytes as Base64. */
    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.DATE -> rs.getObject(column, LocalDate.class);
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, OffsetDateTime.class);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(column);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(column);
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(column);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(column);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            default -> rs.getString(column);
        };
        if (rs.wasNull()) {
            return null;
        }
        // In UTC, so the same instant reads the same from either database, whatever its session's zone.
        if (value instanceof OffsetDateTime instant) {
            return instant.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        return value instanceof LocalDate || value instanceof LocalDateTime ? value.toString() : value;
    }
}
