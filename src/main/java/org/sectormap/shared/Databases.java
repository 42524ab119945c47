package org.sectormap.shared;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database holds the register, for the few statements that must differ (H2's index hints). */
public final class Databases {

    private Databases() {
    }

    public static boolean isH2(DataSource dataSource) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the register", e);
        }
    }
}
