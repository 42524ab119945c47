package org.sectormap.setting;

import java.util.Map;
import java.util.Optional;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Named settings kept in the database, each with its default in the code that reads it. */
@Service
public class Settings {

    /** The page whose History lists changes to settings. */
    public static final String HISTORY_PAGE = "settings";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Settings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The setting's value, or the default while nobody has changed it (or it holds no whole number). */
    @Transactional(readOnly = true)
    public int number(String name, int defaultValue) {
        return stored(name).flatMap(Settings::parse).orElse(defaultValue);
    }

    @Transactional
    public void setNumber(String name, int value, int defaultValue) {
        int before = number(name, defaultValue);
        if (jdbc.sql("UPDATE setting SET setting_value = :value WHERE name = :name").param("value", String.valueOf(value))
                .param("name", name).update() == 0) {
            jdbc.sql("INSERT INTO setting (name, setting_value) VALUES (:name, :value)").param("name", name)
                    .param("value", String.valueOf(value)).update();
        }
        audit.changed(Audited.of(AuditKind.SETTING, name).listedOn(HISTORY_PAGE), Map.of(name, before),
                Map.of(name, value));
    }

    private Optional<String> stored(String name) {
        return jdbc.sql("SELECT setting_value FROM setting WHERE name = :name").param("name", name).query(String.class)
                .optional();
    }

    private static Optional<Integer> parse(String value) {
        try {
            return Optional.of(Integer.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
