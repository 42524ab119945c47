package org.sectormap.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.CleanDatabase;
import org.sectormap.DatabaseTest;
import org.sectormap.EveryKindOfRecord;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.DerivedTables;
import org.sectormap.shared.FreshInstallationTables;
import org.sectormap.shared.InstallationOnlyTables;
import org.sectormap.shared.RestoreCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The whole register goes into one file and comes back out of it: into a new database of the
 * other kind (an in-memory H2 when these tests run on PostgreSQL) and into this one once emptied,
 * with the same data and the same pages; a file with any fault, or a Sector Map already in use,
 * restores nothing.
 */
@DatabaseTest
class BackupTests {

    /** Pages whose content must read the same after the register has been through a backup. */
    /** Pages a restore gives back as they were; the audit trail's adds the downloads and the restore (below). */
    private static final List<String> PAGES = List.of("/organisations", "/reports/by-category", "/reports/outreach",
            "/reports/engagement", "/reports/interviewees", "/comments", "/themes", "/recommendations", "/imports",
            "/questionnaire");
    /** A backup's download or restore, as the trail keeps it: an entry each, which later backups carry. */
    private static final String BACKUP_ENTRY = "\"backup\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    OrganisationService organisations;

    private byte[] backup() throws Exception {
        return mvc.perform(get("/backup/download")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private Map<String, String> pages(long organisation) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String page : PAGES) {
            pages.put(page, main(page));
        }
        pages.put("record", main("/organisations/" + organisation));
        return pages;
    }

    private String main(String page) throws Exception {
        return Jsoup.parse(mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).select("main").text();
    }

    /** The file's data with the time it was made left out, and each table's rows in one order. */
    private Map<String, Object> canonical(byte[] backup) throws IOException {
        Map<String, Object> data = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                // The same but for the trail's entries of backups downloaded and restored, which each adds.
                if (entry.getName().equals(BackupFile.MANIFEST)) {
                    BackupFile manifest = json.readValue(text, BackupFile.class);
                    data.put(entry.getName(), manifest.tables().stream()
                            .sorted(java.util.Comparator.comparing(BackupFile.TableEntry::name))
                            .map(table -> table.name().equals("audit_entry") ? table.name() + table.columns()
                                    : table.toString())
                            .toList().toString() + manifest.schemaVersion());
                } else {
                    data.put(entry.getName(), text.lines().filter(line -> !line.contains(BACKUP_ENTRY)).sorted().toList());
                }
            }
        }
        return data;
    }

    private Register freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        // A file, as the app keeps it: an in-memory H2 2.4 database closed itself part way through the migrations.
        h2.setURL("jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/sector-map-restore-" + UUID.randomUUID()
                + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        Flyway flyway = Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration", "classpath:db/vendor/h2").load();
        flyway.migrate();
        Set<String> installationOnly = new HashSet<>();
        spring.getBeansOfType(InstallationOnlyTables.class).values().forEach(t -> installationOnly.addAll(t.names()));
        Set<String> replaced = new HashSet<>();
        spring.getBeansOfType(FreshInstallationTables.class).values().forEach(t -> replaced.addAll(t.names()));
        return Register.of(h2, flyway, installationOnly, replaced,
                List.copyOf(spring.getBeansOfType(DerivedTables.class).values()));
    }

    @Test
    void shouldCarryEveryTableToAnotherDatabaseAndBackWithTheSameDataAndPages() throws Exception {
        EveryKindOfRecord records = EveryKindOfRecord.fill(mvc, spring);
        byte[] first = backup();
        Map<String, Object> data = canonical(first);
        for (String table : List.of("organisation", "contact_attempt", "interview", "interview_answer",
                "anonymous_comment", "comment_pool", "comment_theme", "theme", "question", "questionnaire_section",
                "recommendation", "recommendation_note", "consent_record", "setting", "import_record", "audit_entry",
                "audit_change")) {
            assertThat((List<?>) data.get("tables/" + table + ".jsonl")).as(table).isNotEmpty();
        }
        assertThat(data).doesNotContainKeys("tables/app_user.jsonl", "tables/api_token.jsonl",
                "tables/spring_session.jsonl", "tables/flyway_schema_history.jsonl");
        Map<String, String> before = pages(records.organisation());

        Register other = freshH2();
        Map<String, Long> restored = new Restore(json, List.copyOf(spring.getBeansOfType(RestoreCheck.class).values()))
                .restore(other, new ByteArrayInputStream(first));
        assertThat(restored.get("organisation")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM organisation",
                Long.class));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new BackupWriter(json).write(other, second, Instant.now());
        new JdbcTemplate(other.dataSource()).execute("DROP ALL OBJECTS DELETE FILES");
        assertThat(canonical(second.toByteArray())).isEqualTo(data);

        CleanDatabase.emptyNow(spring);
        boolean postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData()
                .getDatabaseProductName()));
        if (postgres) {
            jdbc.execute("ANALYZE organisation");
        }
        mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip", "application/zip",
                second.toByteArray())).with(csrf())).andExpect(redirectedUrl("/backup"));
        if (postgres) {
            // Analysed at once, not planned from the empty register's statistics until autovacuum comes.
            assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = 'organisation'::regclass",
                    Double.class)).isEqualTo(restored.get("organisation").doubleValue());
        }
        assertThat(canonical(backup())).isEqualTo(data);
        assertThat(pages(records.organisation())).isEqualTo(before);
        // Who took the register away and who replaced it, in the trail the restore brought, newest first.
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE record_kind = 'backup' ORDER BY id",
                String.class)).containsExactly("DOWNLOADED", "RESTORED", "DOWNLOADED");
        assertThat(main("/audit")).contains("Restored a backup, replacing the whole register",
                "Downloaded a backup of the whole register");

        long maxId = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
        assertThat(organisations.create(OrganisationDetails.of("Added after the restore", OutreachStatus.LISTED)))
                .isGreaterThan(maxId);
    }

    @Test
    void shouldRefuseASectorMapThatAlreadyHoldsRecordsAndChangeNothing() throws Exception {
        organisations.create(OrganisationDetails.of("Already here", OutreachStatus.LISTED));
        byte[] file = backup();
        String html = mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip",
                "application/zip", file)).with(csrf())).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a[href=#file]").text())
                .isEqualTo("This Sector Map already holds records (1 in organisation): restore only into a new, "
                        + "empty Sector Map");
        assertThat(jdbc.queryForList("SELECT name FROM organisation", String.class)).containsExactly("Already here");
    }

    /**
     * Comments waiting for release sealed under another installation's key would fail the interview that
     * should release them, and each one after it: such a file is refused, and the register stays empty.
     */
    @Test
    void shouldRefuseCommentsWaitingUnderAnotherInstallationsKey() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        byte[] sealedElsewhere = new byte[12 + 128 * 1024 + 16];
        new SecureRandom().nextBytes(sealedElsewhere);
        jdbc.update("INSERT INTO comment_pool (id, sealed) VALUES (?, ?)", UUID.randomUUID().toString(), sealedElsewhere);
        byte[] file = backup();
        CleanDatabase.emptyNow(spring);
        assertRefused(file, "The backup holds comments still held back for anonymity (1 interviews' worth), sealed with "
                + "another Sector Map's comment key");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment_pool", Integer.class)).isZero();
        // A row too short to hold its IV is as unusable, and refused the same way rather than failing the restore.
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        jdbc.update("INSERT INTO comment_pool (id, sealed) VALUES (?, ?)", UUID.randomUUID().toString(), new byte[5]);
        byte[] damaged = backup();
        CleanDatabase.emptyNow(spring);
        assertRefused(damaged, "The backup holds comments still held back for anonymity (1 interviews' worth)");
    }

    /**
     * The REFI-QDA export names each comment's file by its id: a backup whose comment id climbs out of
     * the folder would make every later export hold an entry that does. Such a file is refused.
     */
    @Test
    void shouldRefuseACommentWhoseKeyIsNoneSectorMapWrites() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        jdbc.update("INSERT INTO anonymous_comment (id, section_code, section_title, comment_text, quote)"
                + " VALUES (?, 'A', 'Barriers', ?, FALSE)",
                "../../../../tmp/pwned", "Said at an interview.");
        byte[] file = backup();
        CleanDatabase.emptyNow(spring);

        assertRefused(file, "The backup holds 1 anonymous comment whose key is not one Sector Map writes");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM anonymous_comment", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseAFileFromANewerVersionOrDamagedAndRestoreNothing() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);
        List<String> seededThemes = jdbc.queryForList("SELECT name FROM theme ORDER BY id", String.class);

        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> m.replaceFirst("\"schemaVersion\":\"[0-9.]+\"",
                "\"schemaVersion\":\"9999\"")), "This backup was made by a newer version of Sector Map (schema 9999;");
        assertRefused(rewrite(good, "tables/organisation.jsonl", rows -> rows.replaceFirst("\\n[^\\n]*\\n$", "\n")),
                "The backup is incomplete: organisation should have 2 rows but has 1");
        assertRefused(rewrite(good, "tables/organisation.jsonl", rows -> rows.replaceFirst("^\\[\\d+", "[\"x\"")),
                "Line 1 of organisation in the backup has a damaged value in id");
        assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "This file is not a Sector Map backup");
        // Read whole, an endless manifest or line filled the heap (a 1.5 MB file, a 1.5 GB manifest).
        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> " ".repeat(Restore.MOST_MANIFEST) + m),
                "This file is not a Sector Map backup");
        assertRefused(rewrite(good, "tables/organisation.jsonl", rows -> rows.replaceFirst("\n",
                " ".repeat(Restore.MOST_LINE) + "\n")), "Line 1 of organisation in the backup is damaged");
        mvc.perform(multipart("/backup/restore").with(csrf())).andExpect(status().isUnprocessableContent());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT name FROM theme ORDER BY id", String.class)).isEqualTo(seededThemes);
    }

    @Test
    void shouldRefuseAManifestOrRowsNoBackupWouldHoldAndStoreNothing() throws Exception {
        long first = organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        String notABackup = "This file is not a Sector Map backup";
        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> "null"), notABackup);
        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> m.replaceFirst("\"tables\":\\[", "\"tables\":[null,")),
                notABackup);
        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> m.replaceFirst("\"columns\":\\[", "\"columns\":[null,")),
                notABackup);
        assertRefused(rewrite(good, BackupFile.MANIFEST, m -> m.replaceFirst("\"schemaVersion\":\"[0-9.]+\"",
                "\"schemaVersion\":\"abc\"")), notABackup);
        // Ids the database could not go on from, which failed after the rows were committed.
        for (String id : List.of("99999999999999999999", "-5", "0", String.valueOf(Long.MAX_VALUE))) {
            assertRefused(rewrite(good, "tables/organisation.jsonl", rows -> rows.replaceFirst("^\\[\\d+", "[" + id)),
                    "Line 1 of organisation in the backup has a damaged value in id");
        }
        // A referral to an organisation the file does not hold.
        assertRefused(withValues(good, "organisation", "referred_by_id", Map.of(0, first + 99_999)),
                "Rows of organisation in the backup refer through referred_by_id to rows of organisation that it does not hold");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
        mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip", "application/zip",
                good)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(2);
        // The next id followed the restored ones, as nothing failed after the commit.
        assertThat(organisations.create(OrganisationDetails.of("Added after", OutreachStatus.LISTED)))
                .isGreaterThan(first + 1);
    }

    @Test
    void shouldRefuseABackupWhoseOrganisationRefersToItself() throws Exception {
        long derby = organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        assertRefusedKeepingNothing(good, "Line 1 of organisation in the backup refers through referred_by_id to itself",
                withValues(good, "organisation", "referred_by_id", Map.of(0, derby)));
    }

    @Test
    void shouldRefuseABackupWhoseReferralsMakeALoopAndRestoreAChain() throws Exception {
        long derby = organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        long leicester = organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        long nottingham = organisations.create(OrganisationDetails.of("Nottingham CVS", OutreachStatus.LISTED));
        // Derby led to Leicester, Leicester to Nottingham: a chain, which the good file restores.
        organisations.setReferrer(leicester, derby);
        organisations.setReferrer(nottingham, leicester);
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        String loop = "Line 1 of organisation in the backup refers through referred_by_id to a row that leads back to "
                + "it: the references make a loop";
        assertRefusedKeepingNothing(good, loop,
                // Derby and Leicester found through each other.
                withValues(good, "organisation", "referred_by_id", Map.of(0, leicester)),
                // Around all three.
                withValues(good, "organisation", "referred_by_id", Map.of(0, nottingham)));
        assertThat(jdbc.queryForList("SELECT referred_by_id FROM organisation ORDER BY id", Long.class))
                .containsExactly(null, derby, leicester);
    }

    @Test
    void shouldRefuseABackupThatLeavesOutTheIdsItsReferralsNeed() throws Exception {
        long derby = organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        long leicester = organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        organisations.setReferrer(leicester, derby);
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        // The ids left out of the manifest and of every row: the rest of the file is whole.
        byte[] withoutIds = rewrite(rewrite(good, "tables/organisation.jsonl", rows -> rows.replaceAll("(?m)^\\[\\d+,",
                "[")), BackupFile.MANIFEST, m -> m.replaceFirst("(\"name\":\"organisation\",\"columns\":\\[)\"id\",",
                "$1"));
        assertRefusedKeepingNothing(good, "The backup leaves out a column the rows of organisation need (organisation.id)",
                withoutIds);
    }

    @Test
    void shouldNameTheLineOfARowTheRegisterRefuses() throws Exception {
        for (String name : List.of("Derby REC", "Leicester CVS", "Nottingham CVS")) {
            organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED));
        }
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        assertRefusedKeepingNothing(good, "Line 3 of organisation in the backup does not fit this register",
                withValues(good, "organisation", "status", Map.of(2, "bogus-status")));
    }

    @Test
    void shouldRefuseABackupWhoseOrganisationNamesAnImportItDoesNotHold() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        assertRefusedKeepingNothing(good, "Rows of organisation in the backup refer through import_id to rows of "
                + "import_record that it does not hold", withValues(good, "organisation", "import_id", Map.of(0, 99_999)));
    }

    @Test
    void shouldRefuseAManifestThatListsATableTwice() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        byte[] good = backup();
        CleanDatabase.emptyNow(spring);

        byte[] twice = rewrite(good, BackupFile.MANIFEST, manifest -> {
            JsonNode read = json.readTree(manifest);
            ArrayNode tables = (ArrayNode) read.get("tables");
            for (int i = 0; i < tables.size(); i++) {
                if (tables.get(i).get("name").asString().equals("organisation")) {
                    tables.insert(i + 1, tables.get(i).deepCopy());
                    break;
                }
            }
            return json.writeValueAsString(read);
        });
        assertRefusedKeepingNothing(good, "The backup lists the table organisation twice", twice);
    }

    /**
     * Each bad file refused with nothing kept, into a register emptied after the good file was made:
     * no organisation, the seeded themes as they were; and then the good file restores whole.
     */
    private void assertRefusedKeepingNothing(byte[] good, String message, byte[]... bad) throws Exception {
        List<String> seededThemes = jdbc.queryForList("SELECT name FROM theme ORDER BY id", String.class);
        for (byte[] file : bad) {
            assertRefused(file, message);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
            assertThat(jdbc.queryForList("SELECT name FROM theme ORDER BY id", String.class)).isEqualTo(seededThemes);
        }
        mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip", "application/zip",
                good)).with(csrf())).andExpect(redirectedUrl("/backup"));
        assertThat(canonical(backup())).isEqualTo(canonical(good));
    }

    /** The backup with one column of a table changed on some of its lines (counted from 0, in the file's order). */
    private byte[] withValues(byte[] backup, String table, String column, Map<Integer, ?> byLine) throws IOException {
        List<String> columns = new ArrayList<>();
        json.readTree(entry(backup, BackupFile.MANIFEST)).get("tables").forEach(t -> {
            if (t.get("name").asString().equals(table)) {
                t.get("columns").forEach(c -> columns.add(c.asString()));
            }
        });
        int at = columns.indexOf(column);
        return rewrite(backup, "tables/" + table + ".jsonl", rows -> {
            String[] lines = rows.split("\n");
            byLine.forEach((line, value) -> {
                ArrayNode row = (ArrayNode) json.readTree(lines[line]);
                row.set(at, json.valueToTree(value));
                lines[line] = json.writeValueAsString(row);
            });
            return String.join("\n", lines) + "\n";
        });
    }

    private static String entry(byte[] backup, String entryName) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(entryName)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(entryName);
    }

    @Test
    void shouldRestoreThroughTheApiAndAnswerProblemsAsJson() throws Exception {
        organisations.create(OrganisationDetails.of("Derby REC", OutreachStatus.LISTED));
        byte[] file = mvc.perform(get("/api/backup").header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(ApiCalls.post("/api/backup/restore").contentType("application/zip").content(file))
                .andExpect(status().isUnprocessableContent());
        CleanDatabase.emptyNow(spring);
        String answer = mvc.perform(ApiCalls.post("/api/backup/restore").contentType("application/zip").content(file))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode restored = json.readTree(answer).get("restored");
        assertThat(restored.get("organisation").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT name FROM organisation", String.class)).containsExactly("Derby REC");
    }

    private void assertRefused(byte[] file, String message) throws Exception {
        String html = mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip",
                "application/zip", file)).with(csrf())).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary a[href=#file]").text()).startsWith(message);
    }

    private static byte[] rewrite(byte[] backup, String entryName, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write((entry.getName().equals(entryName) ? change.apply(text) : text).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
