package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class DuplicateFinderTests {

    @Autowired
    DuplicateFinder finder;

    @Autowired
    OrganisationService service;

    /** One line of known-duplicates.csv: two records of one organisation, and why they should be found. */
    record KnownPair(OrganisationDetails first, OrganisationDetails second, DuplicateReason reason) {
    }

    static List<KnownPair> knownPairs() throws IOException {
        try (InputStream in = DuplicateFinderTests.class.getResourceAsStream("known-duplicates.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            List<KnownPair> pairs = new ArrayList<>();
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                OrganisationDetails first = listed(cells[0]);
                OrganisationDetails second = listed(cells[1]);
                if (!cells[2].isEmpty()) {
                    OrganisationField field = OrganisationField.fromColumn(cells[2]).orElseThrow();
                    first = first.with(field, cells[3]);
                    second = second.with(field, cells[4]);
                }
                pairs.add(new KnownPair(first, second, DuplicateReason.valueOf(cells[5])));
            }
            return pairs;
        }
    }

    private static OrganisationDetails listed(String name) {
        return OrganisationDetails.of(name, OutreachStatus.LISTED);
    }

    @Test
    void shouldFindEveryKnownDuplicateOfARecordInTheRegister() throws IOException {
        List<KnownPair> pairs = knownPairs();
        List<Long> ids = new ArrayList<>();
        for (KnownPair pair : pairs) {
            ids.add(service.create(pair.first()));
        }

        List<DuplicateFinder.LikelyDuplicate> found = finder.find(pairs.stream().map(KnownPair::second).toList());

        assertThat(found).hasSize(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            DuplicateFinder.LikelyDuplicate duplicate = found.get(i);
            assertThat(duplicate.index()).isEqualTo(i);
            assertThat(duplicate.inRegister()).isTrue();
            assertThat(duplicate.existing().id()).as(pairs.get(i).second().name()).isEqualTo(ids.get(i));
            assertThat(duplicate.reason()).as(pairs.get(i).second().name()).isEqualTo(pairs.get(i).reason());
            assertThat(duplicate.earlier()).isNull();
        }
        assertThat(found.get(0).changes(pairs.get(0).second())).containsExactly(OrganisationField.NAME);
    }

    @Test
    void shouldFindEveryKnownDuplicateOfAnEarlierRecordOfTheSameBatch() throws IOException {
        List<OrganisationDetails> batch = new ArrayList<>();
        knownPairs().forEach(pair -> {
            batch.add(pair.first());
            batch.add(pair.second());
        });

        List<DuplicateFinder.LikelyDuplicate> found = finder.find(batch);

        assertThat(found).extracting(DuplicateFinder.LikelyDuplicate::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, batch.size() / 2).map(i -> 2 * i + 1)
                        .boxed().toList());
        found.forEach(d -> {
            assertThat(d.earlier()).isEqualTo(d.index() - 1);
            assertThat(d.inRegister()).isFalse();
        });
    }

    @Test
    void shouldFindKnownDuplicatesOfRecordsOfAnEarlierBatchGivenTheSameEarlierRecords() throws IOException {
        List<KnownPair> pairs = knownPairs();
        EarlierRecords earlier = new EarlierRecords();

        List<DuplicateFinder.LikelyDuplicate> inFirstBatch = finder.find(pairs.stream().map(KnownPair::first).toList(),
                earlier);
        List<DuplicateFinder.LikelyDuplicate> found = finder.find(pairs.stream().map(KnownPair::second).toList(),
                earlier);

        assertThat(inFirstBatch).isEmpty();
        assertThat(found).hasSize(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            DuplicateFinder.LikelyDuplicate duplicate = found.get(i);
            assertThat(duplicate.index()).isEqualTo(i);
            assertThat(duplicate.inRegister()).isFalse();
            assertThat(duplicate.earlier()).as(pairs.get(i).second().name()).isEqualTo(i);
            assertThat(duplicate.reason()).as(pairs.get(i).second().name()).isEqualTo(pairs.get(i).reason());
        }
    }

    @Test
    void shouldFindNoPairAmongDistinctOrganisationsGivenInBatchesWithTheSameEarlierRecords() {
        List<OrganisationDetails> distinct = DistinctOrganisations.generate(3_000, new Random(2026));
        EarlierRecords earlier = new EarlierRecords();

        for (int from = 0; from < distinct.size(); from += 700) {
            assertThat(finder.find(distinct.subList(from, Math.min(distinct.size(), from + 700)), earlier)).isEmpty();
        }
    }

    @Test
    void shouldFindNoPairAmongAThousandDistinctOrganisationsSharingBuildingsAndSwitchboards() {
        List<OrganisationDetails> distinct = DistinctOrganisations.generate(2_000, new Random(2007));
        List<OrganisationDetails> registered = distinct.subList(0, 1_000);
        List<OrganisationDetails> arriving = distinct.subList(1_000, 2_000);

        assertThat(finder.find(registered)).isEmpty();

        service.createAll(registered, null);
        assertThat(finder.pairs(DuplicateFinder.Cursor.START, 1, 20).pairs()).isEmpty();
        assertThat(finder.find(arriving)).isEmpty();
    }

    @Test
    void shouldListTheRegistersPairsPageByPage() throws IOException {
        List<KnownPair> pairs = knownPairs();
        for (KnownPair pair : pairs) {
            service.create(pair.first());
            service.create(pair.second());
        }
        service.create(listed("Leicester Somali Forum"));

        DuplicateFinder.PairPage first = finder.pairs(DuplicateFinder.Cursor.START, 1, 10);
        DuplicateFinder.PairPage second = finder.pairs(first.next(), 2, 10);

        assertThat(first.pairs()).hasSize(10);
        assertThat(first.full()).isTrue();
        assertThat(second.pairs()).hasSize(pairs.size() - 10);
        assertThat(second.next()).isNull();
        assertThat(second.pairs().get(second.pairs().size() - 1).secondName()).isEqualTo(pairs.get(pairs.size() - 1).second().name());
    }

    @Test
    void shouldSplitOneRecordsPairsAcrossPagesWithoutLosingOrRepeatingAny() {
        List<OrganisationDetails> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(listed("Derby Racial Equality Council"));
        }
        service.createAll(same, null);

        List<DuplicateFinder.Pair> all = new ArrayList<>();
        DuplicateFinder.PairPage page = finder.pairs(DuplicateFinder.Cursor.START, 1, 5);
        for (int n = 2; page.next() != null; n++) {
            all.addAll(page.pairs());
            page = finder.pairs(page.next(), n, 5);
        }
        all.addAll(page.pairs());

        assertThat(all).hasSize(8 * 7 / 2).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(Comparator.comparingLong(DuplicateFinder.Pair::first)
                .thenComparingLong(DuplicateFinder.Pair::second));
    }

    @Test
    void shouldLookAtABoundedNumberOfRecordsAndLaterRecordsForEachKeyOnAPage() {
        // A page's worth of records with one switchboard, and names that no two of them share.
        List<OrganisationDetails> sharing = DistinctOrganisations.generate(DuplicateFinder.LOOK_AT_MOST, new Random(2007))
                .stream().map(o -> o.with(OrganisationField.PHONE, "0115 496 0000")).toList();
        service.createAll(sharing, null);
        service.createAll(List.of(listed("Derby Racial Equality Council").with(OrganisationField.PHONE, "0115 496 0000"),
                listed("The Derby Racial Equality Council Ltd").with(OrganisationField.PHONE, "0115 496 0000")), null);

        DuplicateFinder.PairPage first = finder.pairs(DuplicateFinder.Cursor.START, 1, 20);
        assertThat(first.pairs()).isEmpty();
        assertThat(first.full()).isFalse();
        DuplicateFinder.PairPage second = finder.pairs(first.next(), 2, 20);
        assertThat(first.next().from()).isLessThanOrEqualTo(second.pairs().isEmpty() ? Long.MAX_VALUE
                : second.pairs().get(0).first());
        assertThat(second.pairs()).extracting(DuplicateFinder.Pair::firstName).containsExactly("Derby Racial Equality Council");
        assertThat(second.next()).isNull();
    }
}
