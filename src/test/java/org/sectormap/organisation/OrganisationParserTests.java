package org.sectormap.organisation;

import org.sectormap.shared.Inputs;
import org.sectormap.shared.Labels;
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
        return new OrganisationParser(new Inputs(new Labels(messages), clock), areas);
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
        return result.problems().stream().map(p -> OrganisationField.fromProperty(p.field()).orElseThrow().column() + ": " + labels.message(p)).toList();
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
        assertThat(messages(parse(values))).containsExactly("category: Category must be one of: "
                + "bme-infrastructure, bme-network, general-infrastructure, general-network, access-point");
    }

    @Test
    void shouldRejectUnknownAreaAndStoreKnownAreasInTheirConfiguredSpelling() {
        Map<OrganisationField, String> values = row("A", "listed");
        values.put(OrganisationField.AREA, "DERBY CITY");
        assertThat(parse(values).details().area()).isEqualTo("Derby city");

        values.put(OrganisationField.AREA, "Atlantis");
        assertThat(messages(parse(values))).singleElement().asString()
                .isEqualTo("area: Area must be one of: Derby city, Rutland, Regional");
    }

    @Test
    void shouldReadEveryTickBoxSpelling() {
        for (String yes : List.of("yes", "Y", "TRUE", "1", " Yes ")) {
            Map<OrganisationField, String> values = row("A", "interviewed");
            values.put(OrganisationField.FOLLOW_UP, yes);
            assertThat(parse(values).details().tick(OrganisationField.FOLLOW_UP)).as(yes).isTrue();
        }
        for (String no : List.of("no", "N", "False", "0")) {
            Map<OrganisationField, String> values = row("A", "interviewed");
            values.put(OrganisationField.FOLLOW_UP, no);
            assertThat(parse(values).details().tick(OrganisationField.FOLLOW_UP)).as(no).isFalse();
        }
        Map<OrganisationField, String> values = row("A", "interviewed");
        values.put(OrganisationField.CYP_BOARD, "maybe");
        assertThat(messages(parse(values))).containsExactly("cyp_board: " + "Sits on a Children and Young People's strategic partnership board or one of its "
                + "sub-groups must be yes or no");
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
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be a real date");
        values.put(OrganisationField.INTERVIEW_DATE, "2007-02-31");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be a real date");
        values.put(OrganisationField.INTERVIEW_DATE, "2007-08-01");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be today or in the past");
        values.put(OrganisationField.INTERVIEW_DATE, "1899-12-31");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be in 1900 or later");
        values.put(OrganisationField.INTERVIEW_DATE, "-9999-05-05");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be a real date");
        // Dashes alone have no part to name as missing.
        values.put(OrganisationField.INTERVIEW_DATE, "--");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must be a real date");
        values.put(OrganisationField.INTERVIEW_DATE, "2007--05");
        assertThat(messages(parse(values))).containsExactly("interview_date: Interview date must include a month");
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
                "status: Outreach status must be one of: interviewed, listed, excluded, unreachable",
                "interview_mode: How the interview was held must be one of: visit, telephone");
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

    @Test
    void shouldCheckTheLengthOfAReasonGivenAfterOther() {
        Map<OrganisationField, String> values = row("A", "excluded");
        values.put(OrganisationField.EXCLUSION_REASON, "other: " + "x".repeat(3000));
        assertThat(messages(parse(values)))
                .containsExactly("exclusion_detail: Other reason must be 1,000 characters or fewer");
    }

    @Test
    void shouldRefuseControlCharactersNamingTheField() {
        Map<OrganisationField, String> values = row("Nul\u0000Trust", "listed");
        values.put(OrganisationField.DESCRIPTION, "Two lines,\r\nand a\ttab, are fine");
        values.put(OrganisationField.CONTACT_ROLE, "Bell\u0007");
        assertThat(messages(parse(values))).containsExactly(
                "name: Name must not contain control characters (such as NUL); only long text may hold tabs and "
                        + "line breaks",
                "contact_role: Contact role must not contain control characters (such as NUL); only long text may "
                        + "hold tabs and line breaks");
    }

    @Test
    void shouldTakeANameOfSpacesThatShowNothingAsNoNameAndTrimThemOffAnother() {
        // A no-break space, a zero-width space, a byte order mark: what a pasted cell may bring.
        assertThat(messages(parse(row("\u00a0\u200b\ufeff", "listed")))).containsExactly("name: Enter the organisation's name");
        Map<OrganisationField, String> values = row("\u00a0Derby Refugee Forum\u200b\u202f", "listed");
        values.put(OrganisationField.DESCRIPTION, "\ufeffMeets on Tuesdays\u00a0");
        OrganisationDetails details = parse(values).details();
        assertThat(details.name()).isEqualTo("Derby Refugee Forum");
        assertThat(details.description()).isEqualTo("Meets on Tuesdays");
    }

    @Test
    void shouldRefuseHalfACharacterNamingTheFieldAndKeepAWholeOne() {
        Map<OrganisationField, String> values = row("Lone \ud800 half", "listed");
        values.put(OrganisationField.DESCRIPTION, "Bridges \ud83c\udf09 and \udc00 a stray low half");
        values.put(OrganisationField.COVERAGE, "Whole: \ud83c\udf09");
        assertThat(messages(parse(values))).containsExactly(
                "name: Name holds a broken character (half of one, as a faulty copy or program may leave): type it again",
                "description: Description holds a broken character (half of one, as a faulty copy or program may leave): "
                        + "type it again");
        values.put(OrganisationField.NAME, "Bridges \ud83c\udf09");
        values.remove(OrganisationField.DESCRIPTION);
        assertThat(parse(values).details().name()).isEqualTo("Bridges \ud83c\udf09");
    }

    @Test
    void shouldLeaveATickBoxNobodyFilledInAsNotRecorded() {
        Map<OrganisationField, String> values = row("A", "interviewed");
        values.put(OrganisationField.FOLLOW_UP, "no");
        OrganisationDetails details = parse(values).details();
        assertThat(details.tick(OrganisationField.FOLLOW_UP)).isFalse();
        assertThat(details.tick(OrganisationField.CYP_BOARD)).isNull();
    }
}
