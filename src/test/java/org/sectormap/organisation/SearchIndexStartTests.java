package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up the index beside an H2 file is used only if it was closed in order, by the same
 * database at the same schema; otherwise it is built again in the background, and searches are
 * right meanwhile (LIKE answers them).
 */
class SearchIndexStartTests {

    private final String name = System.getProperty("java.io.tmpdir") + "/sector-map-index-" + UUID.randomUUID();
    private final Path directory = Path.of(name + ".search");
    private JdbcDataSource h2;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + name + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = new JdbcTemplate(h2);
    }

    @AfterEach
    void deleteFiles() throws IOException {
        jdbc.execute("DROP ALL OBJECTS DELETE FILES");
        delete(directory);
    }

    private SearchIndex open() {
        return new SearchIndex(jdbc, h2.getURL());
    }

    private OrganisationRepository repository(SearchIndex index) {
        JdbcClient client = JdbcClient.create(h2);
        return new OrganisationRepository(client, h2, Clock.systemUTC(),
                new OrganisationTally(client, new DataSourceTransactionManager(h2)), SearchIndexes.provided(index),
                new ContactPeopleRepository(client, h2),
                new OrderMarks(client, h2, new DataSourceTransactionManager(h2)),
                new WordMarks(client, h2, new DataSourceTransactionManager(h2), 2_000), Duration.ZERO);
    }

    private static OrganisationQuery query(String text) {
        return new OrganisationQuery(text, null, false, null, null, null, null, null, null, OrganisationQuery.Sort.NAME,
                false, 1, OrganisationQuery.DEFAULT_SIZE);
    }

    private static List<String> names(OrganisationRepository repository, String text) {
        return repository.search(query(text)).items().stream().map(o -> o.details().name()).toList();
    }

    /** A register of two, indexed and closed in order. */
    private void closedInOrder() {
        try (SearchIndex index = open()) {
            repository(index).insertAll(List.of(OrganisationDetails.of("Albatross Trust", OutreachStatus.LISTED),
                    OrganisationDetails.of("Bittern Forum", OutreachStatus.LISTED)), null);
            SearchIndexes.awaitCurrent(index);
        }
    }

    @Test
    void shouldUseAnIndexClosedInOrderAtOnce() {
        closedInOrder();
        try (SearchIndex index = open()) {
            assertThat(index.current()).isTrue();
            assertThat(index.find(query("bittern")).orElseThrow().total()).isEqualTo(1);
        }
    }

    @Test
    void shouldBuildADeletedIndexAgainAndSearchRightMeanwhile() throws IOException {
        closedInOrder();
        delete(directory);
        try (SearchIndex index = open()) {
            OrganisationRepository repository = repository(index);
            assertThat(names(repository, "albatross")).containsExactly("Albatross Trust");
            SearchIndexes.awaitCurrent(index);
            assertThat(index.find(query("albatross")).orElseThrow().total()).isEqualTo(1);
            assertThat(names(repository, "albatross")).containsExactly("Albatross Trust");
        }
    }

    @Test
    void shouldBuildAgainAfterAMigrationRewroteTheSearchText() {
        closedInOrder();
        // What a Java migration does: rows rewritten past the repository, and one more line in Flyway's history.
        jdbc.update("UPDATE organisation SET search_text = 'cormorant trust' WHERE name = 'Albatross Trust'");
        jdbc.update("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (10000, '10000', 'rewrite', "
                + "'JDBC', 'V10000__rewrite', 'sa', 0, TRUE)");
        try (SearchIndex index = open()) {
            OrganisationRepository repository = repository(index);
            assertThat(names(repository, "cormorant")).containsExactly("Albatross Trust");
            SearchIndexes.awaitCurrent(index);
            assertThat(index.find(query("cormorant")).orElseThrow().total()).isEqualTo(1);
            assertThat(index.find(query("albatross")).orElseThrow().total()).isZero();
        }
    }

    @Test
    void shouldBuildAgainAfterACrashLostItsLatestChanges() throws IOException {
        Path copy = Path.of(name + ".copy");
        try (SearchIndex index = open()) {
            repository(index).insertAll(List.of(OrganisationDetails.of("Dunlin Network", OutreachStatus.LISTED)), null);
            SearchIndexes.awaitCurrent(index);
            // The files as a crash would leave them: the change is in the table, its note gone, the commit older.
            copyIndex(copy);
        }
        delete(directory);
        Files.move(copy, directory);
        try (SearchIndex index = open()) {
            OrganisationRepository repository = repository(index);
            assertThat(names(repository, "dunlin")).containsExactly("Dunlin Network");
            SearchIndexes.awaitCurrent(index);
            assertThat(index.find(query("dunlin")).orElseThrow().total()).isEqualTo(1);
        }
    }

    @Test
    void shouldTakeInTheChangesOfAnotherProcessThatCouldNotOpenTheIndex() {
        try (SearchIndex holder = open(); SearchIndex other = open()) {
            SearchIndexes.awaitCurrent(holder);
            assertThat(other.enabled()).as("the index is held by the first").isFalse();
            repository(other).insertAll(List.of(OrganisationDetails.of("Egret Trust", OutreachStatus.LISTED)), null);

            assertThat(names(repository(holder), "egret")).containsExactly("Egret Trust");
            SearchIndexes.awaitCurrent(holder);
            assertThat(holder.find(query("egret")).orElseThrow().total()).isEqualTo(1);
        }
    }

    /**
     * A change only marks a document deleted, its text staying in the files until a merge takes its
     * segment; after an erasure the purge rewrites such segments, and the files hold no trace of it.
     */
    @Test
    void shouldLeaveNoTraceOfAReplacedTextInTheFilesOnceTheIndexIsPurged() throws IOException {
        try (SearchIndex index = open()) {
            OrganisationRepository repository = repository(index);
            // In one segment, among others enough that the merges the writer chooses by itself leave it.
            List<OrganisationDetails> records = new ArrayList<>(List.of(OrganisationDetails.of("Albatross Trust",
                    OutreachStatus.LISTED).with(OrganisationField.DESCRIPTION, "Run by Quennell")));
            IntStream.range(0, 49).forEach(i -> records.add(OrganisationDetails.of("Forum " + i, OutreachStatus.LISTED)));
            long id = repository.insertAll(records, null).get(0);
            SearchIndexes.awaitCurrent(index);
            Organisation before = repository.find(id).orElseThrow();
            // As an erasure asks: in the transaction of its change, for after the commit.
            new TransactionTemplate(new DataSourceTransactionManager(h2)).executeWithoutResult(status -> {
                assertThat(repository.update(id, before.version(),
                        before.details().with(OrganisationField.DESCRIPTION, "Run by [erased]"))).isTrue();
                index.purgeAfterCommit();
            });
            SearchIndexes.awaitCurrent(index);
            assertThat(index.find(query("quennell")).orElseThrow().total()).isZero();
        }
        try (Directory files = FSDirectory.open(directory); DirectoryReader reader = DirectoryReader.open(files)) {
            assertThat(reader.numDocs()).isEqualTo(50);
            // A deleted document's terms count until its segment is merged away.
            assertThat(reader.numDeletedDocs()).isZero();
            assertThat(reader.docFreq(new Term(SearchIndex.TRIGRAMS, "uen"))).isZero();
        }
        // The purge done, the index was closed whole, and the next start uses it as it is.
        try (SearchIndex index = open()) {
            assertThat(index.current()).isTrue();
        }
    }

    private void copyIndex(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path file : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
