package org.sectormap.imports;

import java.util.List;

/** A file of tables: a CSV file's one, a workbook's sheets or a database's tables. */
interface TableFile extends AutoCloseable {

    /** The tables to choose from, in the file's order; none for a CSV file, whose one table has no name. */
    List<String> tables();

    /**
     * Hands over a table's headings, then each of its rows below them, numbered as the user's program
     * shows them.
     *
     * @param table     one of {@link #tables()}, or null for a CSV file
     * @param headerRow the row holding the headings; a database's tables have their column names instead
     * @throws UnreadableFileException when the file turns out to be damaged part way through
     */
    void read(String table, int headerRow, TableRows rows);

    /** Deletes any copy of the upload made to read it. */
    @Override
    void close();

    /** Where a table's rows go as they are read, so a large sheet is never held whole. */
    interface TableRows {

        /** @param row null when the headings are a database's column names rather than a row */
        void header(Integer row, List<String> headings);

        void row(int number, List<String> cells);
    }
}
