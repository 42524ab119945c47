package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.shared.Labels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class OrganisationControllerTests {

    private static final String AWKWARD_NAME = "Tom & \"Jerry\" <b>Ça</b> 中文 O'Brien";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Autowired
    MessageSource messages;

    @Test
    void shouldAddAnOrganisationAndRedirectToIt() throws Exception {
        String location = mvc.perform(post("/organisations/new").with(csrf())
                        .param("name", AWKWARD_NAME).param("category", "bme-network").param("area", "leicester")
                        .param("status", "interviewed").param("interviewDate", "2007-07-20")
                        .param("fullInterview", "yes").param("postcode", "le1 1aa"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        OrganisationDetails stored = service.find(id).orElseThrow().details();
        assertThat(stored.name()).isEqualTo(AWKWARD_NAME);
        assertThat(stored.area()).isEqualTo("Leicester");
        assertThat(stored.get(OrganisationField.POSTCODE)).isEqualTo("LE1 1AA");
        assertThat(stored.tick(OrganisationField.FULL_INTERVIEW)).isTrue();
        assertThat(stored.tick(OrganisationField.FOLLOW_UP)).isFalse();

        Document page = Jsoup.parse(mvc.perform(get(location)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("h1").text()).isEqualTo(AWKWARD_NAME);
        assertThat(page.select("h1 b")).isEmpty();

        Document form = Jsoup.parse(mvc.perform(get(location + "/edit")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.selectFirst("#name").val()).isEqualTo(AWKWARD_NAME);
        assertThat(form.selectFirst("#status").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("#fullInterview").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("#followUp").hasAttr("checked")).isFalse();
    }

    @Test
    void shouldShowEveryProblemInAnErrorSummaryAndKeepWhatWasTyped() throws Exception {
        String html = mvc.perform(post("/organisations/new").with(csrf())
                        .param("name", "").param("email", "not-an-email").param("status", "excluded")
                        .param("coverage", "Wellingborough <only>"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary__list a").eachAttr("href"))
                .containsExactly("#name", "#email", "#exclusionReason");
        assertThat(page.select(".error-summary__list a").eachText())
                .contains("'not-an-email' is not an email address");
        assertThat(page.selectFirst("#coverage").val()).isEqualTo("Wellingborough <only>");
        assertThat(page.selectFirst("#email").attr("aria-describedby")).contains("email-error");
        // Every summary link lands on a control, the first radio for a radio group.
        page.select(".error-summary__list a").eachAttr("href")
                .forEach(href -> assertThat(page.selectFirst(href)).as(href).isNotNull());
        assertThat(page.selectFirst("#status-excluded").hasAttr("checked")).isTrue();
        assertThat(service.count()).isZero();
    }

    @Test
    void shouldRefuseASecondSaveOfTheSameVersionAndKeepWhatTheSecondUserTyped() throws Exception {
        long id = service.create(details("Derby Millennium Network"));

        mvc.perform(post("/organisations/{id}/edit", id).with(csrf())
                        .param("name", "First user's name").param("status", "listed").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        String html = mvc.perform(post("/organisations/{id}/edit", id).with(csrf())
                        .param("name", "Second user's name").param("status", "listed").param("version", "0"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".error-summary").text()).contains("Someone else saved changes");
        assertThat(page.selectFirst("#name").val()).isEqualTo("Second user's name");
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("1");
        assertThat(service.find(id).orElseThrow().details().name()).isEqualTo("First user's name");
    }

    @Test
    void shouldAnswerATamperedVersionOrAPositionBeforeTheFirstWithABadRequest() throws Exception {
        long id = service.create(details("Derby Millennium Network"));
        mvc.perform(post("/organisations/{id}/edit", id).with(csrf())
                        .param("name", "Changed").param("status", "listed").param("version", "abc"))
                .andExpect(status().isBadRequest());
        // Left out or blank, it is named, not taken for someone else's change.
        for (String version : new String[] {null, " "}) {
            var edit = post("/organisations/{id}/edit", id).with(csrf()).param("name", "Changed").param("status", "listed");
            mvc.perform(version == null ? edit : edit.param("version", version)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("version is required")));
        }
        assertThat(service.find(id).orElseThrow().details().name()).isEqualTo("Derby Millennium Network");
        for (String position : new String[] {"0", "-1"}) {
            mvc.perform(get("/organisations/review").param("position", position)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/organisations/review").param("position", "1")).andExpect(status().isOk());
    }

    @Test
    void shouldSayNotRecordedForATickBoxNobodyFilledInAndNoForARecordedNo() throws Exception {
        long id = service.create(OrganisationDetails.of("Converge", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.FULL_INTERVIEW, false));
        Document page = Jsoup.parse(mvc.perform(get("/organisations/{id}", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".summary-list__row:has(dt:contains(Completed the full interview)) dd").text())
                .isEqualTo("No");
        assertThat(page.select(".summary-list__row:has(dt:contains(Feels well informed)) dd").text())
                .isEqualTo("Not recorded");
    }

    @Test
    void shouldDeleteOnlyAfterConfirmation() throws Exception {
        long id = service.create(details("Rushcliffe CVS"));

        mvc.perform(get("/organisations/{id}/delete", id)).andExpect(status().isOk());
        assertThat(service.find(id)).isPresent();

        mvc.perform(post("/organisations/{id}/delete", id).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/organisations"));
        assertThat(service.find(id)).isEmpty();
    }

    @Test
    void shouldSayTheRegisterIsEmptyAndOfferToAddOrImport() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations").param("q", "anything"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("main p").eachText()).contains("There are no organisations in the register yet.")
                .noneMatch(p -> p.contains("match this search"));
        assertThat(page.select("main a").eachAttr("href")).contains("/organisations/new", "/import");
    }

    @Test
    void shouldShowDatesAsPeopleWriteThemAndKeepThemIsoInFilesAndForms() throws Exception {
        long id = service.create(OrganisationDetails.of("Charnwood REC", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 23))
                .with(OrganisationField.INTERVIEW_MODE, InterviewMode.VISIT)
                .with(OrganisationField.FULL_INTERVIEW, true));

        assertThat(page("/organisations/" + id).select(".summary-list__value").eachText()).contains("23 July 2007");
        assertThat(page("/organisations").select("tbody td").eachText()).contains("23 July 2007");
        assertThat(page("/organisations/review").select(".summary-list__value").eachText()).contains("23 July 2007");

        Document form = page("/organisations/" + id + "/edit");
        assertThat(List.of(form.selectFirst("#interviewDate").val(), form.selectFirst("#interviewDate-month").val(),
                form.selectFirst("#interviewDate-year").val())).containsExactly("23", "07", "2007");
        assertThat(mvc.perform(get("/organisations.csv")).andReturn().getResponse().getContentAsString())
                .contains("2007-07-23");
        mvc.perform(get("/api/organisations/{id}", id)).andExpect(jsonPath("$.interviewDate").value("2007-07-23"));
    }

    @Test
    void shouldShowEachRowsWordsTheSortStateAndTheTickFiltersAsAsked() throws Exception {
        Labels labels = new Labels(messages);
        Category category = Category.values()[0];
        long classified = service.create(OrganisationDetails.of(AWKWARD_NAME, OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, category).with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 2)));
        long bare = service.create(OrganisationDetails.of("Zeta Forum", OutreachStatus.LISTED));

        Document page = page("/organisations");
        assertThat(cells(page, 0)).containsExactly(AWKWARD_NAME,
                labels.of(category), "Leicester", labels.of(OutreachStatus.INTERVIEWED), "2 July 2007");
        assertThat(cells(page, 1)).containsExactly("Zeta Forum",
                "Not yet classified", "Not recorded", labels.of(OutreachStatus.LISTED), "");
        assertThat(page.select("tbody td a").eachAttr("href"))
                .containsExactly("/organisations/" + classified, "/organisations/" + bare);
        assertThat(page.select("tbody td b")).isEmpty();

        Document sorted = page("/organisations?sort=area&dir=desc");
        assertThat(sorted.select("thead th").eachAttr("aria-sort"))
                .containsExactly("none", "none", "descending", "none", "none");
        assertThat(sorted.select("thead th").last().className()).isEqualTo("table__header--numeric");
        assertThat(sorted.select("thead th a").eachText()).containsExactly(labels.field("name"),
                labels.field("category"), labels.field("area"), labels.field("status"), labels.field("interviewDate"));
        assertThat(sorted.select("thead th a").eachAttr("href")).containsExactly(
                "/organisations?sort=name&dir=asc", "/organisations?sort=category&dir=asc",
                "/organisations?sort=area&dir=asc", "/organisations?sort=status&dir=asc",
                "/organisations?sort=interview-date&dir=asc");

        Document filtered = page("/organisations?followUp=no&cypBoard=yes");
        assertThat(filtered.select("label[for=filter-followUp]").text()).isEqualTo(labels.field("followUp"));
        assertThat(filtered.select("#filter-followUp option[selected]").val()).isEqualTo("no");
        assertThat(filtered.select("#filter-cypBoard option[selected]").val()).isEqualTo("yes");
        assertThat(filtered.select("#filter-fullInterview option[selected]")).isEmpty();
    }

    /** Every cell's text, the empty ones too (jsoup's eachText leaves those out). */
    private static List<String> cells(Document page, int row) {
        return page.select("tbody tr").get(row).select("td").stream().map(Element::text).toList();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    static OrganisationDetails details(String name) {
        return OrganisationDetails.of(name, OutreachStatus.LISTED);
    }
}
