package org.sectormap.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tables a backup carries, parents before the tables that refer to them, as the database describes them. */
record Schema(List<Table> tables) {

    /** H2 says BASE TABLE, PostgreSQL TABLE. */
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    /**
     * @param columns     in the table's order, with their JDBC types
     * @param key         the primary key's columns, which order the rows so two backups compare
     * @param selfColumns columns referring to the same table (a referral), each with the column it
     *                    names a row by; filled once every row is in
     * @param identity    the generated id column, whose next value follows the restored rows; or null
     */
    record Table(String name, Map<String, Integer> columns, List<String> key, Map<String, String> selfColumns,
            String identity) {
    }

    /** Names are kept in lower case, as the migrations write them, whatever case the database reports. */
    static Schema read(Connection connection, Set<String> leftOut) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Map<String, String> actualNames = new HashMap<>();
        try (ResultSet tables = metadata.getTables(catalog, escaped(schema, metadata), "%", null)) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (TABLE_TYPES.contains(tables.getString("TABLE_TYPE")) && !leftOut.contains(lower)) {
                    actualNames.put(lower, name);
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Table> described = new HashMap<>();
        for (Map.Entry<String, String> table : actualNames.entrySet()) {
            Set<String> tableParents = new TreeSet<>();
            Map<String, String> self = new TreeMap<>();
            try (ResultSet keys = metadata.getImportedKeys(catalog, schema, table.getValue())) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (parent.equals(table.getKey())) {
                        self.put(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                                keys.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    } else if (actualNames.containsKey(parent)) {
                        tableParents.add(parent);
                    }
                }
            }
            parents.put(table.getKey(), tableParents);
            described.put(table.getKey(), describe(metadata, catalog, schema, table.getKey(), table.getValue(), self));
        }
        return new Schema(parentsFirst(parents).stream().map(described::get).toList());
    }

    private static Table describe(DatabaseMetaData metadata, String catalog, String schema, String name,
            String actualName, Map<String, String> self) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        String identity = null;
        try (ResultSet rs = metadata.getColumns(catalog, escaped(schema, metadata), escaped(actualName, metadata),
                "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                columns.put(column, type(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    identity = column;
                }
            }
        }
        Map<Integer, String> keyBySequence = new TreeMap<>();
        try (ResultSet rs = metadata.getPrimaryKeys(catalog, schema, actualName)) {
            while (rs.next()) {
                keyBySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> key = List.copyOf(keyBySequence.isEmpty() ? columns.keySet() : keyBySequence.values());
        return new Table(name, columns, key, self, identity);
    }

    /** PostgreSQL's driver calls a timestamp with time zone a TIMESTAMP, and only its type name tells. */
    private static int type(int jdbcType, String typeName) {
        return jdbcType == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(typeName)
                ? Types.TIMESTAMP_WITH_TIMEZONE : jdbcType;
    }

    /** A table goes once every table it refers to has gone; by name among those free, so two runs agree. */
    private static List<String> parentsFirst(Map<String, Set<String>> parents) {
        Set<String> left = new TreeSet<>(parents.keySet());
        List<String> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            List<String> free = left.stream().filter(t -> parents.get(t).stream().noneMatch(left::contains)).toList();
            if (free.isEmpty()) {
                throw new IllegalStateException("These tables refer to each other in a cycle: " + left);
            }
            ordered.addAll(free);
            free.forEach(left::remove);
        }
        return ordered;
    }

    private static String escaped(String pattern, DatabaseMetaData metadata) throws SQLException {
        if (pattern == null) {
            return null;
        }
        String escape = metadata.getSearchStringEscape();
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
