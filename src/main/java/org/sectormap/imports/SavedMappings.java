package org.sectormap.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sectormap.shared.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mappings saved under a name, found again by the headings of the file they were made for, in any
 * order and case. Not audited: a mapping holds headings and codes, no one's data, and changes no
 * record; the import it leads to is in the import history.
 */
@Repository
class SavedMappings {

    /** The column's size; a mapping of thousands of long headings is not worth keeping. */
    static final int LONGEST = 100_000;

    record Saved(String name, ColumnMapping mapping) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    SavedMappings(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** @return false, saving nothing, when the mapping is too large to keep */
    boolean save(String name, List<String> headings, ColumnMapping mapping) {
        String stored = json.writeValueAsString(mapping);
        if (stored.length() > LONGEST) {
            return false;
        }
        jdbc.sql("INSERT INTO import_mapping (name, headings_key, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)")
                .params(name, key(headings), stored,
                        Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)), SignedIn.email())
                .update();
        return true;
    }

    /** The latest mapping saved for these headings. */
    Optional<Saved> latestFor(List<String> headings) {
        return jdbc.sql("SELECT name, mapping FROM import_mapping WHERE headings_key = ? ORDER BY id DESC "
                        + "FETCH FIRST 1 ROWS ONLY").param(key(headings))
                .query((rs, n) -> new Saved(rs.getString("name"),
                        json.readValue(rs.getString("mapping"), ColumnMapping.class)))
                .optional();
    }

    /** Order- and case-independent; each heading led by its length, so no two lists run together alike. */
    static String key(List<String> headings) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        headings.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).distinct().sorted()
                .forEach(h -> sha256.update((h.length() + ":" + h).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
