package org.sectormap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.sectormap.shared.RestoreCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Restores a backup into a register that holds nothing yet, all or nothing: the file is read as it
 * is inserted, in one transaction, and any fault in it (a row of the wrong shape, a count that does
 * not add up, a table this version does not have) rolls everything back. The default questionnaire
 * and themes every installation starts with give way to the file's.
 */
final class Restore {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);
    private static final int BATCH = 1_000;

    /**
     * The column naming the import that added a row, and the table of imports: the schema keeps this
     * reference without a foreign key (V71, V77, V103), so a restore checks it as one would be.
     */
    private static final String IMPORT_ID = "import_id";
    private static final String IMPORTS = "import_record";

    private final ObjectMapper json;
    private final List<RestoreCheck> checks;

    Restore(ObjectMapper json, List<RestoreCheck> checks) {
        this.json = json;
        this.checks = checks;
    }

    /** @return the rows restored, by table, in the file's order */
    Map<String, Long> restore(Register register, InputStream file) {
        Schema schema = register.schema();
        Map<String, Schema.Table> tables = new LinkedHashMap<>();
        schema.tables().forEach(t -> tables.put(t.name(), t));
        JdbcTemplate jdbc = new JdbcTemplate(register.dataSource());
        refuseUnlessEmpty(register, schema, jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(register.dataSource()));
        Map<String, Long> restored = transaction.execute(status -> {
            List<Schema.Table> childrenFirst = new ArrayList<>(schema.tables());
            Collections.reverse(childrenFirst);
            childrenFirst.forEach(t -> jdbc.update("DELETE FROM " + t.name()));
            try {
                Map<String, Long> rows = read(register, tables, jdbc, file);
                refuseUnheldImports(schema, jdbc);
                JdbcClient inside = JdbcClient.create(jdbc);
                checks.forEach(check -> check.check(inside).ifPresent(refusal -> {
                    throw new BackupRefusedException(refusal.key(), refusal.args());
                }));
                register.recount().forEach(jdbc::update);
                return rows;
            } catch (IOException e) {
                throw new BackupRefusedException("backup.error.unreadable");
            }
        });
        boolean postgres = "PostgreSQL".equals(jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName()));
        // After the commit: H2 commits any open transaction on the DDL that moves an identity on.
        schema.tables().stream().filter(t -> t.identity() != null).forEach(t -> followIdentity(jdbc, t, postgres));
        if (postgres) {
            analyse(jdbc);
        }
        return restored;
    }

    private static void refuseUnlessEmpty(Register register, Schema schema, JdbcTemplate jdbc) {
        for (Schema.Table table : schema.tables()) {
            if (!register.seeded().contains(table.name())) {
                long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.name(), Long.class);
                if (rows > 0) {
                    throw new BackupRefusedException("backup.error.notEmpty", table.name(), rows);
                }
            }
        }
    }

    /** One query a table once every row is in, not one a row: a million organisations took 0.3 s on H2. */
    private static void refuseUnheldImports(Schema schema, JdbcTemplate jdbc) {
        for (Schema.Table table : schema.tables()) {
            if (table.columns().containsKey(IMPORT_ID)) {
                List<Long> unheld = jdbc.queryForList("SELECT t." + IMPORT_ID + " FROM " + table.name() + " t WHERE t."
                        + IMPORT_ID + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + IMPORTS + " i WHERE i.id = t."
                        + IMPORT_ID + ") FETCH FIRST 1 ROWS ONLY", Long.class);
                if (!unheld.isEmpty()) {
                    throw new BackupRefusedException("backup.error.reference", table.name(), IMPORT_ID, IMPORTS);
                }
            }
        }
    }

    private Map<String, Long> read(Register register, Map<String, Schema.Table> tables, JdbcTemplate jdbc,
            InputStream file) throws IOException {
        ZipInputStream zip = new ZipInputStream(file, StandardCharsets.UTF_8);
        ZipEntry first = nextEntry(zip);
        if (first == null || !first.getName().equals(BackupFile.MANIFEST)) {
            throw new BackupRefusedException("backup.error.notABackup");
        }
        BackupFile manifest = manifest(zip, register);
        Map<String, Long> restored = new LinkedHashMap<>();
        for (BackupFile.TableEntry entry : manifest.tables()) {
            Schema.Table table = tables.get(entry.name());
            if (table == null) {
                throw new BackupRefusedException("backup.error.unknownTable", entry.name());
            }
            entry.columns().stream().filter(c -> !table.columns().containsKey(c)).findFirst().ifPresent(c -> {
                throw new BackupRefusedException("backup.error.unknownColumn", entry.name(), c);
            });
            // Rows referring to rows of their own table find them by these once every row is in.
            table.selfColumns().forEach((column, named) -> {
                if (entry.columns().contains(column)) {
                    Stream.concat(table.key().stream(), Stream.of(named)).filter(c -> !entry.columns().contains(c))
                            .findFirst().ifPresent(c -> {
                                throw new BackupRefusedException("backup.error.missingColumn", entry.name(), c);
                            });
                }
            });
            ZipEntry next = nextEntry(zip);
            if (next == null || !next.getName().equals(entry.entryName())) {
                throw new BackupRefusedException("backup.error.missingTable", entry.name());
            }
            long rows = insert(jdbc, table, entry, zip);
            if (rows != entry.rows()) {
                throw new BackupRefusedException("backup.error.rowCount", entry.name(), entry.rows(), rows);
            }
            restored.put(entry.name(), rows);
        }
        return restored;
    }

    private BackupFile manifest(ZipInputStream zip, Register register) throws IOException {
        BackupFile manifest;
        try {
            byte[] read = zip.readNBytes(MOST_MANIFEST);
            if (zip.read() >= 0) {
                throw new BackupRefusedException("backup.error.notABackup");
            }
            manifest = json.readValue(read, BackupFile.class);
        } catch (JacksonException e) {
            throw new BackupRefusedException("backup.error.notABackup");
        }
        if (manifest == null || !BackupFile.FORMAT.equals(manifest.format()) || manifest.tables() == null
                || manifest.schemaVersion() == null || !manifest.tables().stream().allMatch(Restore::whole)) {
            throw new BackupRefusedException("backup.error.notABackup");
        }
        MigrationVersion version;
        try {
            version = MigrationVersion.fromVersion(manifest.schemaVersion());
        } catch (FlywayException e) {
            throw new BackupRefusedException("backup.error.notABackup");
        }
        if (manifest.formatVersion() > BackupFile.FORMAT_VERSION || version.isNewerThan(register.schemaVersion())) {
            throw new BackupRefusedException("backup.error.newer", manifest.schemaVersion(), register.schemaVersion());
        }
        // A table listed twice would be read twice, and one without a key to refuse them would keep its rows twice.
        Set<String> listed = new HashSet<>();
        manifest.tables().stream().map(BackupFile.TableEntry::name).filter(name -> !listed.add(name)).findFirst()
                .ifPresent(name -> {
                    throw new BackupRefusedException("backup.error.listedTwice", name);
                });
        return manifest;
    }

    /** A manifest's bytes, at most: it names the tables and their columns, some kB. */
    static final int MOST_MANIFEST = 1 << 24;
    /**
     * A row's line, at most, in characters: the widest a backup writes is a waiting interview's sealed
     * comments, some hundreds of kB. Read whole, a file's one endless line filled the heap.
     */
    static final int MOST_LINE = 1 << 22;

    /** A table's lines, each refused past {@link #MOST_LINE} characters, read a piece at a time. */
    private static final class Lines {

        private final Reader in;
        private final String table;
        private final char[] buffer = new char[1 << 16];
        private int at;
        private int end;

        Lines(Reader in, String table) {
            this.in = in;
            this.table = table;
        }

        /** The next line, without its line end; null past the last. */
        String next(long number) throws IOException {
            StringBuilder line = null;
            while (true) {
                if (at == end) {
                    at = 0;
                    end = Math.max(in.read(buffer), 0);
                    if (end == 0) {
                        return line == null ? null : line.toString();
                    }
                }
                int start = at;
                while (at < end && buffer[at] != '\n') {
                    at++;
                }
                line = line == null ? new StringBuilder(at - start) : line;
                line.append(buffer, start, at - start);
                if (line.length() > MOST_LINE) {
                    throw new BackupRefusedException("backup.error.badRow", table, number);
                }
                if (at < end) {
                    at++;
                    return line.toString();
                }
            }
        }
    }

    /** A table's entry with its name and every column named, as a backup writes them. */
    private static boolean whole(BackupFile.TableEntry entry) {
        return entry != null && entry.name() != null && entry.columns() != null
                && entry.columns().stream().allMatch(Objects::nonNull);
    }

    /** One table's lines, in batches, with references to its own rows filled once they are all in. */
    private long insert(JdbcTemplate jdbc, Schema.Table table, BackupFile.TableEntry entry, InputStream in)
            throws IOException {
        List<String> columns = entry.columns();
        List<Integer> types = columns.stream().map(table.columns()::get).toList();
        String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        List<Object[]> batch = new ArrayList<>(BATCH);
        List<Referring> selfReferences = new ArrayList<>();
        Lines lines = new Lines(new InputStreamReader(in, StandardCharsets.UTF_8), entry.name());
        long count = 0;
        for (String line = lines.next(count + 1); line != null; line = lines.next(count + 1)) {
            count++;
            Object[] row = row(table, entry, types, line, count);
            Object[] self = selfReference(table, columns, row);
            if (self != null) {
                selfReferences.add(new Referring(count, self));
            }
            batch.add(row);
            if (batch.size() == BATCH) {
                store(jdbc, insert, batch, types, entry, count);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store(jdbc, insert, batch, types, entry, count);
        }
        refuseLoops(table, entry, selfReferences);
        for (String column : table.selfColumns().keySet()) {
            String update = "UPDATE " + table.name() + " SET " + column + " = ? WHERE "
                    + String.join(" AND ", table.key().stream().map(k -> k + " = ?").toList());
            int at = columns.indexOf(column);
            List<Object[]> updates = selfReferences.stream().map(Referring::row).filter(r -> r[at] != null).map(r -> {
                List<Object> args = new ArrayList<>();
                args.add(r[at]);
                table.key().forEach(k -> args.add(r[columns.indexOf(k)]));
                return args.toArray();
            }).toList();
            if (!updates.isEmpty()) {
                try {
                    jdbc.batchUpdate(update, updates);
                } catch (DataAccessException e) {
                    throw new BackupRefusedException("backup.error.reference", entry.name(), column, entry.name());
                }
            }
        }
        return count;
    }

    /** A row of the file that refers to a row of its own table, whole, and its line. */
    private record Referring(long line, Object[] row) {
    }

    /**
     * A reference to a row of the same table says who was found through whom, which the forms keep
     * free of loops (outreach's ReferralService): a row leading back to itself, at once or through
     * others, is refused. One pass: each row is walked from once, and a walk stops at a row walked
     * before, so a long chain is not climbed again from every row on it.
     */
    private static void refuseLoops(Schema.Table table, BackupFile.TableEntry entry, List<Referring> referring) {
        for (Map.Entry<String, String> self : table.selfColumns().entrySet()) {
            int from = entry.columns().indexOf(self.getKey());
            int named = entry.columns().indexOf(self.getValue());
            if (from < 0) {
                continue;
            }
            List<Referring> rows = referring.stream().filter(r -> r.row()[from] != null).toList();
            Map<Object, Integer> byName = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                byName.put(rows.get(i).row()[named], i);
            }
            // 0: not walked yet; 1: on the walk under way; 2: walked, and leads to no loop.
            byte[] walked = new byte[rows.size()];
            List<Integer> walk = new ArrayList<>();
            for (int start = 0; start < rows.size(); start++) {
                walk.clear();
                Integer at = start;
                while (at != null && walked[at] == 0) {
                    walked[at] = 1;
                    walk.add(at);
                    at = byName.get(rows.get(at).row()[from]);
                }
                if (at != null && walked[at] == 1) {
                    Referring looped = rows.get(at);
                    throw new BackupRefusedException(looped.row()[from].equals(looped.row()[named])
                            ? "backup.error.refersToItself" : "backup.error.loop", entry.name(), looped.line(),
                            self.getKey());
                }
                walk.forEach(w -> walked[w] = 2);
            }
        }
    }

    /**
     * A batch the database turns down (a broken reference, a value too long) is named by its line, not
     * its values: rolled back to before it, then its rows are tried one at a time until the one refused.
     * The restore fails either way; the savepoint only lets the transaction go on to find the line.
     */
    private static void store(JdbcTemplate jdbc, String insert, List<Object[]> batch, List<Integer> types,
            BackupFile.TableEntry entry, long last) {
        jdbc.execute((Connection connection) -> {
            Savepoint before = connection.setSavepoint();
            try {
                jdbc.batchUpdate(insert, batch, types(types));
                return null;
            } catch (DataAccessException e) {
                connection.rollback(before);
            }
            long first = last - batch.size() + 1;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    jdbc.update(insert, batch.get(i), types(types));
                } catch (DataAccessException e) {
                    throw new BackupRefusedException("backup.error.rejectedLine", entry.name(), first + i);
                }
            }
            // Each row fits alone, but not the batch (a duplicate key within it, say).
            throw new BackupRefusedException("backup.error.rejected", entry.name(), first, last);
        });
    }

    private static int[] types(List<Integer> types) {
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A row's references to rows of its own table wait until every row is in; the row goes in without
     * them. Answers the whole row as it was when it refers to one, else null.
     */
    private static Object[] selfReference(Schema.Table table, List<String> columns, Object[] row) {
        Object[] whole = null;
        for (String column : table.selfColumns().keySet()) {
            int at = columns.indexOf(column);
            if (at >= 0 && row[at] != null) {
                whole = whole == null ? row.clone() : whole;
                row[at] = null;
            }
        }
        return whole;
    }

    private Object[] row(Schema.Table table, BackupFile.TableEntry entry, List<Integer> types, String line,
            long number) {
        JsonNode cells;
        try {
            cells = json.readTree(line);
        } catch (JacksonException e) {
            throw new BackupRefusedException("backup.error.badRow", entry.name(), number);
        }
        if (!cells.isArray() || cells.size() != types.size()) {
            throw new BackupRefusedException("backup.error.badRow", entry.name(), number);
        }
        Object[] row = new Object[types.size()];
        for (int i = 0; i < row.length; i++) {
            try {
                row[i] = value(cells.get(i), types.get(i));
                // A generated id the database could not count on from (not positive, or the largest
                // there is) would fail only after the commit, when the next id is set past it.
                if (entry.columns().get(i).equals(table.identity())
                        && (!(row[i] instanceof Long id) || id <= 0 || id == Long.MAX_VALUE)) {
                    throw new IllegalArgumentException("not an id");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new BackupRefusedException("backup.error.badValue", entry.name(), number,
                        entry.columns().get(i));
            }
        }
        return row;
    }

    /** The JSON value as the column's type wants it; a value of another shape is refused, not guessed at. */
    private static Object value(JsonNode cell, int type) {
        if (cell.isNull()) {
            return null;
        }
        return switch (type) {
            case Types.DATE -> LocalDate.parse(text(cell));
            case Types.TIMESTAMP -> LocalDateTime.parse(text(cell));
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text(cell));
            case Types.BOOLEAN, Types.BIT -> {
                if (!cell.isBoolean()) {
                    throw new IllegalArgumentException("not a boolean");
                }
                yield cell.booleanValue();
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                if (!cell.isIntegralNumber() || !cell.canConvertToLong()) {
                    throw new IllegalArgumentException("not a whole number");
                }
                yield cell.longValue();
            }
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                if (!cell.isNumber()) {
                    throw new IllegalArgumentException("not a number");
                }
                yield cell.decimalValue();
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Base64.getDecoder().decode(text(cell));
            default -> text(cell);
        };
    }

    private static String text(JsonNode cell) {
        if (!cell.isString()) {
            throw new IllegalArgumentException("not text");
        }
        return cell.stringValue();
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException e) {
            throw new BackupRefusedException("backup.error.notABackup");
        }
    }

    /** The next generated id follows the highest restored one, on either database. */
    private static void followIdentity(JdbcTemplate jdbc, Schema.Table table, boolean postgres) {
        long next = jdbc.queryForObject("SELECT COALESCE(MAX(" + table.identity() + "), 0) + 1 FROM " + table.name(),
                Long.class);
        if (postgres) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, ?), ?, false)", Long.class, table.name(),
                    table.identity(), next);
        } else {
            jdbc.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + table.identity() + " RESTART WITH " + next);
        }
    }

    /**
     * PostgreSQL would plan the next statements from the statistics of the empty register until autovacuum
     * analysed the tables, a minute or more later: a search so planned straight after a bulk insert ran for
     * over 24 minutes. Every table of the schema that the app's role owns (or a role it belongs to does), the
     * derived ones included; where it owns none, autovacuum analyses them as before.
     */
    private static void analyse(JdbcTemplate jdbc) {
        try {
            List<String> tables = jdbc.queryForList("SELECT quote_ident(tablename) FROM pg_tables "
                    + "WHERE schemaname = current_schema() AND pg_has_role(tableowner, 'USAGE')", String.class);
            if (!tables.isEmpty()) {
                jdbc.execute("ANALYZE " + String.join(", ", tables));
            }
        } catch (DataAccessException e) {
            // The rows are in: autovacuum will analyse them, and the restore must not be reported as failed.
            // The statement names tables only, so its error holds no one's data.
            log.warn("The restored tables could not be analysed: {}", e.getMostSpecificCause().getMessage());
        }
    }
}
