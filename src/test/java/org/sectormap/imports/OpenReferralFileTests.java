package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An Open Referral feed file read as a table: one row per organisation, numbered by its record in the feed. */
class OpenReferralFileTests {

    private static final String HEADINGS = "null " + OpenReferralFile.COLUMNS;

    private final TableFiles files = new TableFiles();

    static byte[] example(String name) {
        try (InputStream in = OpenReferralFileTests.class.getResourceAsStream("/openreferral-uk/examples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> rows(byte[] content) {
        List<String> rows = new ArrayList<>();
        try (TableFile file = files.open(TestFiles.file(content), "feed.json")) {
            assertThat(file.tables()).containsExactly(OpenReferralFile.TABLE);
            file.read(OpenReferralFile.TABLE, Upload.FIRST_ROW, new TableFile.TableRows() {
                @Override
                public void header(Integer row, List<String> headings) {
                    rows.add(row + " " + headings);
                }

                @Override
                public void row(int number, List<String> cells) {
                    rows.add(number + " " + String.join("|", cells));
                }
            });
        }
        return rows;
    }

    private List<String> rows(String json) {
        return rows(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String ORGANIZATION = "Example Organization Inc.|Example Org is a non-profit organization "
            + "dedicated to providing services to qualified beneficiaries";
    private static final String ORGANIZATION_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";

    @Test
    void shouldReadAPageOfServicesAsTheirOrganisations() {
        assertThat(rows(example("service_list.json"))).containsExactly(HEADINGS,
                "1 " + ORGANIZATION + "|active|email@example.com|http://example.com|||||||" + ORGANIZATION_ID);
    }

    @Test
    void shouldReadAPageOfOrganizationsWhichHaveNoStatusAsActive() {
        assertThat(rows(example("organization_list.json"))).containsExactly(HEADINGS,
                "1 " + ORGANIZATION + "|active|email@example.com|http://example.com|||||||" + ORGANIZATION_ID);
    }

    @Test
    void shouldTakeAFullServicesAddressAreaAndTermsFromItsFirstLocationAreaAndAttributes() {
        String area = "The service is available to all residents of the MyCity area. We provide the service in our "
                + "offices or via video conferencing to any who can provide evidence of their residency.";
        String row = "1 " + ORGANIZATION + "|active|email@example.com|http://example.com||1-30 Main Street|MyCity|"
                + "ABC 1234|" + area + "|name|" + ORGANIZATION_ID;
        assertThat(rows(example("service_full.json"))).containsExactly(HEADINGS, row);
        assertThat(rows(example("organization_full.json"))).containsExactly(HEADINGS, row);
        assertThat(rows(example("service_at_location_full.json"))).hasSize(2).element(1).asString()
                .startsWith("1 " + ORGANIZATION + "|active|");
    }

    @Test
    void shouldTakeAPhysicalAddressBeforeAPostalOneAndTheFirstPhone() {
        String service = """
                {"id": "s1", "name": "Drop-in", "description": "Advice", "status": "inactive",
                 "phones": [{"number": ""}, {"number": "0115 000 0000"}],
                 "service_at_locations": [{"location": {"addresses": [
                   {"address_1": "PO Box 1", "postal_code": "NG1 1AA", "address_type": "postal"},
                   {"address_1": "1 High Street", "city": "Nottingham", "postal_code": "NG1 2BB",
                    "address_type": "physical"}]}}],
                 "attributes": [{"taxonomy_term": {"name": "Advice"}}, {"taxonomy_term": {"name": "Housing"}},
                   {"taxonomy_term": {"name": "Advice"}}]}""";
        assertThat(rows("\uFEFF \n[" + service + "]")).containsExactly(HEADINGS,
                "1 Drop-in|Advice|inactive|||0115 000 0000|1 High Street|Nottingham|NG1 2BB||Advice; Housing|s1");
    }

    @Test
    void shouldReadOneRowForAnOrganisationWithSeveralServicesNumberedByTheRecord() {
        assertThat(rows("""
                {"total_items": 3, "contents": [
                  {"id": "s1", "name": "Lunch club", "organization": {"id": "o1", "name": "Sikh Forum"}},
                  {"id": "s2", "name": "Youth club", "organization": {"id": "o1", "name": "Sikh Forum"}},
                  {"id": "s3", "name": "Advice", "organization_id": "o2", "organization": {"name": "Derby CVS"}}
                ], "page_number": 1}""")).containsExactly(HEADINGS, "1 Sikh Forum||active|||||||||o1",
                "3 Derby CVS||active|||||||||o2");
    }

    @Test
    void shouldReadAnEmptyPageAsAnEmptyTable() {
        assertThat(rows("{\"total_items\": 0, \"contents\": []}")).containsExactly(HEADINGS);
    }

    @Test
    void shouldSayWhereBrokenJsonBreaks() {
        assertThatThrownBy(() -> rows("{\"contents\": [\n{\"name\": \"A\"},\n{\"name\": \"B\" \"email\": 1}]}"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.error.brokenJsonAt");
                    assertThat(e.args()).containsExactly(3, 14);
                });
        assertThatThrownBy(() -> files.open(TestFiles.file("{\"name\": \"A\"".getBytes(StandardCharsets.UTF_8)), "a.json"))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.key()).isEqualTo("import.error.brokenJsonAt"));
    }

    @Test
    void shouldRefuseJsonThatIsNoFeed() {
        assertThatThrownBy(() -> files.open(TestFiles.file("{\"foo\": 1}".getBytes(StandardCharsets.UTF_8)), "a.json"))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.key()).isEqualTo("import.error.notAFeed"));
        assertThatThrownBy(() -> rows("[{\"name\": \"A\"}, 2]"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.error.notAFeedRecord");
                    assertThat(e.args()).containsExactly(2);
                });
    }

    @Test
    void shouldStillReadTextThatOpensWithNeitherBraceNorBracketAsCsv() {
        try (TableFile file = files.open(TestFiles.file("name,status\n{A},listed\n".getBytes(StandardCharsets.UTF_8)), "a.csv")) {
            assertThat(file).isNotInstanceOf(OpenReferralFile.class);
        }
    }
}
