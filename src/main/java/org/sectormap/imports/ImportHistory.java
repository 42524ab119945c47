package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every completed import, and whether an upload was imported before: the same bytes read from the
 * same sheet and header row. Another sheet of the same workbook is another import.
 */
@Repository
class ImportHistory {

    private static final String COLUMNS = "id, imported_at, imported_by, file_name, sheet, header_row, rows_added, "
            + "rows_updated, rows_skipped, mapping_name, audit_mark, undone_at, undone_by, kind";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    ImportHistory(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The import's entry, written first so its records can be marked as its own, in the import's
     * transaction: an import that rolls back leaves no record of itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long start(Upload upload, String mappingName) {
        return start(upload, mappingName, ImportKind.ORGANISATIONS);
    }

    /** As {@link #start(Upload, String)}, for a file of any kind. */
    @Transactional(propagation = Propagation.MANDATORY)
    long start(Upload upload, String mappingName, ImportKind kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_record (imported_at, imported_by, file_name, sheet, header_row, fingerprint, "
                        + "rows_added, mapping_name, kind) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(now(), SignedIn.email(), upload.fileName(), upload.sheet(), upload.headerRow(),
                        fingerprint(upload), mappingName, kind.code())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** What the import did, and how far the audit trail had reached when it was done. */
    @Transactional(propagation = Propagation.MANDATORY)
    void finish(long id, int added, int updated, int skipped) {
        jdbc.sql("UPDATE import_record SET rows_added = ?, rows_updated = ?, rows_skipped = ?, audit_mark = ? "
                + "WHERE id = ?").params(added, updated, skipped, audit.mark(), id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void undone(long id) {
        jdbc.sql("UPDATE import_record SET undone_at = ?, undone_by = ? WHERE id = ?")
                .params(now(), SignedIn.email(), id).update();
    }

    Optional<ImportRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_record WHERE id = ?").param(id)
                .query(ImportRecord.class).optional();
    }

    /** Newest first. */
    List<ImportRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_record ORDER BY id DESC").query(ImportRecord.class).list();
    }

    /** The latest import of organisations from the same file, sheet and header row that still stands, if any. */
    Optional<ImportRecord> latestOf(Upload upload) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_record WHERE fingerprint = ? AND undone_at IS NULL "
                + "AND kind = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").params(fingerprint(upload),
                ImportKind.ORGANISATIONS.code()).query(ImportRecord.class).optional();
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * SHA-256 of the file's own hash, the header row and the sheet: hashing the file first keeps
     * its bytes from running into the sheet's name, so no two readings share a fingerprint. The file
     * is hashed as a stream.
     */
    static String fingerprint(Upload upload) {
        MessageDigest sha256 = sha256();
        MessageDigest file = sha256();
        try (InputStream in = new DigestInputStream(upload.open(), file)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sha256.update(file.digest());
        sha256.update((upload.headerRow() + ":" + (upload.sheet() == null ? "" : "sheet:" + upload.sheet()))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
