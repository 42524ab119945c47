package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generated organisations of which no two are one, for checking that duplicate finding makes no false pair. */
public final class DistinctOrganisations {

    private static final String[] AREAS = {"Derby", "Leicester", "Nottingham", "Lincoln", "Northampton", "Chesterfield",
            "Loughborough", "Mansfield", "Corby", "Kettering", "Boston", "Grantham", "Wellingborough", "Hinckley"};
    private static final String[] COMMUNITIES = {"African", "Caribbean", "Somali", "Sikh", "Hindu", "Muslim", "Polish",
            "Chinese", "Bangladeshi", "Pakistani", "Gujarati", "Kurdish", "Roma", "Irish", "Vietnamese", "Yemeni", "Tamil",
            "Eritrean", "Sudanese", "Punjabi", "Kashmiri", "Ghanaian", "Nigerian", "Zimbabwean", "Latvian"};
    private static final String[] FOCUSES = {"Women's", "Youth", "Elders", "Carers", "Refugee", "Arts", "Sports",
            "Education", "Welfare", "Health", "Heritage", "Music", "Employment", "Housing", "Advice", "Parents"};
    private static final String[] KINDS = {"Group", "Network", "Forum", "Association", "Project", "Centre", "Trust",
            "Society", "Alliance", "Partnership", "Club", "Collective"};

    private DistinctOrganisations() {
    }

    /**
     * Organisations as a regional register holds them: the same areas, communities and words again and
     * again, a quarter with "The" or "Ltd", groups sharing a community centre's postcode, a council's
     * switchboard, a CVS's email address or a free website host. No two are one organisation.
     */
    public static List<OrganisationDetails> generate(int count, Random random) {
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
            OrganisationDetails details = OrganisationDetails.of(name, OutreachStatus.LISTED)
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
