package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class OrganisationParserTests {

    private final OrganisationParser parser = parser();

    static OrganisationParser parser() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        Areas areas = new Areas(List.of("Derby city", "Rutland", "Regional"));
        Clock clock = Clock.fixed(LocalDate.of(2007, 7, 31).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new OrganisationParser(new Labels(messages), areas, clock);
    }

    private OrganisationParser.Result parse(Map<OrganisationField, String> values) {
        return parser.parse(OrganisationForm.from(values::get, null));
    }

    private static Map<OrganisationField, String> row(String name, String status) {
        Map<OrganisationField, String> values = new HashMap<>();
        values.put(OrganisationField.NAME, name);
        values.put(OrganisationField.STATUS, status);
        return values;
    }

    private List<String> messages(OrganisationParser.Result result) {
        Labels labels = new Labels(messageSource());
        return result.problems().stream().map(p -> p.field().column() + ": " + labels.message(p)).toList();
    }

    private static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return messages;
    }

    @Test
    void shouldAcceptCategoryAsCodeOrLabelInAnyCase() {
        for (String typed : List.of("bme-network", "BME-NETWORK", "BME network", "  bme NETWORK ")) {
            Map<OrganisationField, String> values = row("A", "listed");
            values.put(OrganisationField.CATEGORY, typed);
            assertThat(parse(values).details().category()).as(typed).isEqualTo(Category.BME_NETWORK);
        }
    }

    @Test
    void shouldRejectUnknownCategoryNamingTheValue() {
        Map<OrganisationField, String> values = row("A", "listed");
        values.put(OrganisationField.CATEGORY, "charity shop");
        assertThat(messages(parse(values))).containsExactly("category: 'charity shop' is not a category");
    }

    @Test
    void shouldRejectUnknownAreaAndStoreKnownAreasInTheirConfiguredSpelling() {
        Map<OrganisationField, String> values = row("A", "listed");
        values.put(OrganisationField.AREA, "DERBY CITY");
        assertThat(parse(values).details().area()).isEqualTo("Derby city");

        values.put(OrganisationField.AREA, "Atlantis");
        assertThat(messages(parse(values))).singleElement().asString()
                .startsWith("area: 'Atlantis' is not one of the areas (Derby city, Rutland, Regional)");
    }

    @Test
    void shouldReadEveryTickBoxSpelling() {
        for (String yes : List.of("yes", "Y", "TRUE", "1", " Yes ")) {
            Map<OrganisationField, String> values = row("A", "interviewed");
            values.put(OrganisationField.FOLLOW_UP, yes);
            assertThat(parse(values).details().followUp()).as(yes).isTrue();
        }
        for (String no : List.of("no", "N", "False", "0", "", "  ")) {
            Map<OrganisationField, String> values = row("A", "interviewed");
            values.put(OrganisationField.FOLLOW_UP, no);
            assertThat(parse(values).details().followUp()).as(no).isFalse();
        }
        Map<OrganisationField, String> values = row("A", "interviewed");
        values.put(OrganisationField.CYP_BOARD, "maybe");
        assertThat(messages(parse(values))).containsExactly("cyp_board: 'maybe' is not yes or no");
    }

    @Test
    void shouldRequireAReasonForExclusionAndTextForOther() {
        assertThat(messages(parse(row("A", "excluded"))))
                .containsExactly("exclusion_reason: Select why the organisation was excluded");

        Map<OrganisationField, String> values = row("A", "Excluded");
        values.put(OrganisationField.EXCLUSION_REASON, "other");
        assertThat(messages(parse(values))).containsExactly("exclusion_detail: Say why the organisation was excluded");

        values.put(OrganisationField.EXCLUSION_REASON, "Other: works only with elders");
        OrganisationDetails details = parse(values).details();
        assertThat(details.exclusionReason()).isEqualTo(ExclusionReason.OTHER);
        assertThat(details.exclusionDetail()).isEqualTo("works only with elders");
    }

    @Test
    void shouldRefuseInterviewAnswersForAnOrganisationNotInterviewed() {
        Map<OrganisationField, String> values = row("A", "listed");
        values.put(OrganisationField.INTERVIEW_DATE, "2007-07-01");
        values.put(OrganisationField.WELL_INFORMED, "yes");
        values.put(OrganisationField.FULL_INTERVIEW, "no");
        assertThat(messages(parse(values))).containsExactly(
                "interview_date: Only interviewed organisations have interview answers",
                "well_informed: Only interviewed organisations have interview answers");
    }

    @Test
    void shouldRejectMalformedAndFutureDates() {
        Map<OrganisationField, String> values = row("A", "interviewed");
        values.put(OrganisationField.INTERVIEW_DATE, "23/07/2007");
        assertThat(messages(parse(values))).containsExactly(
                "interview_date: '23/07/2007' is not a date in the form yyyy-mm-dd");
        values.put(OrganisationField.INTERVIEW_DATE, "2007-08-01");
        assertThat(messages(parse(values))).containsExactly("interview_date: The interview date 2007-08-01 is in the future");
        values.put(OrganisationField.INTERVIEW_DATE, "2007-07-31");
        assertThat(parse(values).details().interviewDate()).isEqualTo(LocalDate.of(2007, 7, 31));
    }

    @Test
    void shouldReportEveryProblemOfARowAtOnce() {
        Map<OrganisationField, String> values = row(" ", "pending");
        values.put(OrganisationField.POSTCODE, "not a postcode");
        values.put(OrganisationField.EMAIL, "someone@");
        values.put(OrganisationField.WEBSITE, "not a site");
        values.put(OrganisationField.INTERVIEW_MODE, "carrier pigeon");
        assertThat(messages(parse(values))).containsExactlyInAnyOrder(
                "name: Enter the organisation's name",
                "postcode: 'not a postcode' is not a UK postcode",
                "email: 'someone@' is not an email address",
                "website: 'not a site' is not a web address",
                "status: 'pending' is not an outreach status (interviewed, listed, excluded or unreachable)",
                "interview_mode: 'carrier pigeon' is not a way of interviewing (visit or telephone)");
    }

    @Test
    void shouldRejectValuesTooLongToStore() {
        Map<OrganisationField, String> values = row("x".repeat(301), "listed");
        assertThat(messages(parse(values))).containsExactly("name: Name must be 300 characters or fewer");
    }

    @Test
    void shouldKeepNamesExactlyAsTypedApartFromSurroundingSpace() {
        String name = "Ça & \"Jerry\" <b>中文</b> O'Brien";
        assertThat(parse(row("  " + name + "\t", "listed")).details().name()).isEqualTo(name);
    }
}
