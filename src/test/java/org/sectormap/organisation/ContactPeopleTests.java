package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact people a retention review lists, read from V153's index: those never contacted first
 * by id, then by the day of the last contact; records naming nobody (or an empty name) left out.
 */
@DatabaseTest
class ContactPeopleTests {

    private static final LocalDate CUT_OFF = LocalDate.of(2024, 1, 1);

    @Autowired
    OrganisationService organisations;

    @Autowired
    ContactPeople people;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldDateANewRecordByTheDayItIsMadeAndKnowWhetherItNamesAContactPerson() {
        long made = organisations.create(OrganisationDetails.of("Made Today", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "A. Person"));
        List<OrganisationDetails> imported = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            OrganisationDetails d = OrganisationDetails.of("Imported " + i, OutreachStatus.LISTED);
            imported.add(i % 3 == 0 ? d.with(OrganisationField.CONTACT_NAME, "Contact " + i) : d);
        }
        organisations.createAll(imported, null);

        assertThat(jdbc.queryForList("SELECT last_contact FROM organisation_last_contact", LocalDate.class))
                .hasSize(8).containsOnly(LocalDate.now());
        assertThat(named()).as("the records naming a contact person")
                .containsExactlyInAnyOrder("Made Today", "Imported 0", "Imported 3", "Imported 6");

        organisations.update(made, 0, OrganisationDetails.of("Made Today", OutreachStatus.LISTED));
        long imported3 = jdbc.queryForObject("SELECT id FROM organisation WHERE name = 'Imported 3'", Long.class);
        organisations.update(imported3, 0, OrganisationDetails.of("Imported 3", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "Someone Else"));
        long imported4 = jdbc.queryForObject("SELECT id FROM organisation WHERE name = 'Imported 4'", Long.class);
        organisations.update(imported4, 0, OrganisationDetails.of("Imported 4", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "New Contact"));
        assertThat(named()).as("after the contact person is taken off one and added to another")
                .containsExactlyInAnyOrder("Imported 0", "Imported 3", "Imported 4", "Imported 6");
    }

    private List<String> named() {
        return jdbc.queryForList("SELECT o.name FROM organisation o JOIN organisation_last_contact c "
                + "ON c.organisation_id = o.id WHERE c.named = TRUE", String.class);
    }

    @Test
    void shouldListThoseNeverContactedThenTheLongestKeptInPagesOfAnySize() {
        // Days in the reverse of the records' order, two records sharing a day across a page's end,
        // records without a contact person between them, and one contacted after the cut-off.
        List<Long> expected = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long id = organisations.create(OrganisationDetails.of("Group " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.CONTACT_NAME, "Contact " + i));
            long unnamed = organisations.create(OrganisationDetails.of("Unnamed " + i, OutreachStatus.LISTED));
            LocalDate day = i < 3 ? null : LocalDate.of(2020, 1, 1).plusDays(9 - i + (i == 8 ? 1 : 0));
            setDay(id, day);
            setDay(unnamed, day);
            ids.add(id);
        }
        List.of(0, 1, 2, 7, 8, 6, 5, 4, 3).forEach(i -> expected.add(ids.get(i)));
        setDay(organisations.create(OrganisationDetails.of("Recent", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "Recent Contact")), CUT_OFF);
        setDay(organisations.create(OrganisationDetails.of("Blank", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "")), null);

        for (int size : new int[] {1, 2, 3, 20}) {
            List<Long> listed = new ArrayList<>();
            List<ContactPeople.Person> page = people.lastContactedBefore(CUT_OFF, null, size);
            while (!page.isEmpty()) {
                assertThat(page.size()).isLessThanOrEqualTo(size);
                page.forEach(p -> listed.add(p.organisationId()));
                page = people.lastContactedBefore(CUT_OFF, page.get(page.size() - 1), size);
            }
            assertThat(listed).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
        assertThat(people.countLastContactedBefore(CUT_OFF)).isEqualTo(expected.size());
        assertThat(people.lastContactedBefore(CUT_OFF, null, 1).get(0).contactName()).isEqualTo("Contact 0");
    }

    @Test
    void shouldReadContactPeopleInOrderFromTheIndex() {
        assertReadInOrder(ContactPeopleRepository.neverContactedQuery());
        assertReadInOrder(ContactPeopleRepository.contactedBeforeQuery(false));
        assertReadInOrder(ContactPeopleRepository.contactedBeforeQuery(true));
    }

    private void assertReadInOrder(String query) {
        String plan = Plans.explainUnsorted(jdbc, url, query.replace(":after", "3").replace(":limit", "101")
                .replace(":from", "DATE '2020-01-01'").replace(":day", "DATE '2024-01-01'"));

        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).contains("organisation_last_contact_idx").doesNotContain("Sort")
                    .doesNotContain("Seq Scan");
        } else {
            assertThat(plan.toLowerCase()).contains("organisation_last_contact_idx");
            assertThat(plan).contains("/* index sorted */");
        }
    }

    private void setDay(long id, LocalDate day) {
        jdbc.update("UPDATE organisation_last_contact SET last_contact = ? WHERE organisation_id = ?",
                day == null ? null : Date.valueOf(day), id);
    }
}
