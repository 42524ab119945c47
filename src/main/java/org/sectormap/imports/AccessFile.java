package org.sectormap.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;

/**
 * An Access database (.mdb or .accdb) through Jackcess, which reads only from a file: the upload's own,
 * opened read-only. Its user tables are the tables to choose from, their column
 * names the headings, and records are numbered from 1 as Access's datasheet counts them. A linked
 * table is none of them, and no link is followed: Jackcess would open the file it names, any file on
 * the server the app may read, and import its rows as the upload's.
 */
final class AccessFile implements TableFile {

    private final Database database;
    private final List<String> tables;

    private AccessFile(Database database) throws IOException {
        this.database = database;
        List<String> own = new ArrayList<>();
        for (String name : database.getTableNames()) {
            if (!database.getTableMetaData(name).isLinked()) {
                own.add(name);
            }
        }
        this.tables = List.copyOf(own);
    }

    static AccessFile open(Path file) {
        Database database = null;
        try {
            database = new DatabaseBuilder(file.toFile()).setReadOnly(true).open();
            database.setLinkResolver((linker, linkee) -> {
                throw new IOException("a linked table is not read");
            });
            return new AccessFile(database);
        } catch (IOException | RuntimeException e) {
            closeQuietly(database);
            throw new UnreadableFileException("import.error.damagedDatabase");
        }
    }

    @Override
    public List<String> tables() {
        return tables;
    }

    @Override
    public void read(String name, int headerRow, TableRows rows) {
        try {
            Table table = tables.contains(name) ? database.getTable(name) : null;
            if (table == null) {
                throw new UnreadableFileException("import.error.noSuchSheet", name);
            }
            List<String> columns = table.getColumns().stream().map(Column::getName).toList();
            handOver(() -> rows.header(null, columns));
            int number = 0;
            for (Row record : table) {
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(text(record.get(column)));
                }
                int at = ++number;
                handOver(() -> rows.row(at, cells));
            }
        } catch (RowFailed e) {
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("import.error.damagedDatabase");
        }
    }

    /** Hands a row over to the code storing it, whose failure (a database's refusal, a cancellation) is its own. */
    private static void handOver(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw new RowFailed(e);
        }
    }

    /** Yes/No as yes or no, Date/Time as yyyy-mm-dd (with the time when there is one), numbers in full. */
    private static String text(Object value) {
        if (value == null || value instanceof byte[]) {
            return "";
        }
        if (value instanceof Boolean yes) {
            return ExcelValues.bool(yes);
        }
        if (value instanceof LocalDateTime at) {
            return dateTime(at);
        }
        if (value instanceof Date at) {
            return dateTime(LocalDateTime.ofInstant(at.toInstant(), ZoneId.systemDefault()));
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String dateTime(LocalDateTime at) {
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                : at.toString().replace('T', ' ');
    }

    @Override
    public void close() {
        closeQuietly(database);
    }

    private static void closeQuietly(Database database) {
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            // Opened read-only: nothing was written that closing could lose.
        }
    }
}
