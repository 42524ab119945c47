package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
    void shouldFindNoPairAmongAThousandDistinctOrganisationsSharingBuildingsAndSwitchboards() {
        List<OrganisationDetails> distinct = distinctOrganisations(2_000, new Random(2007));
        List<OrganisationDetails> registered = distinct.subList(0, 1_000);
        List<OrganisationDetails> arriving = distinct.subList(1_000, 2_000);

        assertThat(finder.find(registered)).isEmpty();

        service.createAll(registered, null);
        assertThat(finder.pairs(1, 20).pairs()).isEmpty();
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

        DuplicateFinder.PairPage first = finder.pairs(1, 10);
        DuplicateFinder.PairPage second = finder.pairs(2, 10);

        assertThat(first.pairs()).hasSize(10);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.pairs()).hasSize(pairs.size() - 10);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.pairs().get(second.pairs().size() - 1).secondName()).isEqualTo(pairs.get(pairs.size() - 1).second().name());
    }

    private static final String[] AREAS = {"Derby", "Leicester", "Nottingham", "Lincoln", "Northampton", "Chesterfield",
            "Loughborough", "Mansfield", "Corby", "Kettering", "Boston", "Grantham", "Wellingborough", "Hinckley"};
    private static final String[] COMMUNITIES = {"African", "Caribbean", "Somali", "Sikh", "Hindu", "Muslim", "Polish",
            "Chinese", "Bangladeshi", "Pakistani", "Gujarati", "Kurdish", "Roma", "Irish", "Vietnamese", "Yemeni", "Tamil",
            "Eritrean", "Sudanese", "Punjabi", "Kashmiri", "Ghanaian", "Nigerian", "Zimbabwean", "Latvian"};
    private static final String[] FOCUSES = {"Women's", "Youth", "Elders", "Carers", "Refugee", "Arts", "Sports",
            "Education", "Welfare", "Health", "Heritage", "Music", "Employment", "Housing", "Advice", "Parents"};
    private static final String[] KINDS = {"Group", "Network", "Forum", "Association", "Project", "Centre", "Trust",
            "Society", "Alliance", "Partnership", "Club", "Collective"};

    /**
     * Organisations as a regional register holds them: the same areas, communities and words again and
     * again, a quarter with "The" or "Ltd", groups sharing a community centre's postcode, a council's
     * switchboard, a CVS's email address or a free website host. No two are one organisation.
     */
    static List<OrganisationDetails> distinctOrganisations(int count, Random random) {
        String[] postcodes = new String[25];
        for (int i = 0; i < postcodes.length; i++) {
            postcodes[i] = "NG" + (i % 9 + 1) + " " + (i % 7 + 1) + "A" + (char) ('A' + i);
        }
        String[] switchboards = {"01332 293111", "0116 454 1000", "0115 915 5555", "01522 881188", "01604 837837"};
        String[] sharedEmails = {"groups@derbycvs.org.uk", "admin@voluntaryactionleicester.org.uk", "info@nottinghamcvs.co.uk"};
        String[] hosts = {"https://sites.google.com/view/", "http://www.facebook.com/", "groups.derby.gov.uk/"};
        Set<Set<String>> words = new HashSet<>();
        List<OrganisationDetails> all = new ArrayList<>();
        while (all.size() < count) {
            String area = AREAS[random.nextInt(AREAS.length)];
            String community = COMMUNITIES[random.nextInt(COMMUNITIES.length)];
            String focus = FOCUSES[random.nextInt(FOCUSES.length)];
            String kind = KINDS[random.nextInt(KINDS.length)];
            String name = switch (random.nextInt(4)) {
                case 0 -> "The " + area + " " + community + " " + focus + " " + kind;
                case 1 -> community + " " + focus + " " + kind + " (" + area + ")";
                case 2 -> area + " " + community + " " + focus + " " + kind + " Ltd";
                default -> area + " " + community + " " + focus + " " + kind;
            };
            if (!words.add(Set.copyOf(MatchKeys.words(name)))) {
                continue;
            }
            OrganisationDetails details = listed(name)
                    .with(OrganisationField.POSTCODE, postcodes[random.nextInt(postcodes.length)]);
            int n = all.size();
            if (random.nextInt(3) == 0) {
                details = details.with(OrganisationField.PHONE, switchboards[random.nextInt(switchboards.length)]);
            }
            details = details.with(OrganisationField.EMAIL, random.nextInt(4) == 0
                    ? sharedEmails[random.nextInt(sharedEmails.length)] : "group" + n + "@example.org");
            if (random.nextBoolean()) {
                details = details.with(OrganisationField.WEBSITE, hosts[random.nextInt(hosts.length)] + "group" + n);
            }
            all.add(details);
        }
        return all;
    }
}
