package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.audit.AuditAction;
import org.sectormap.audit.AuditEntry;
import org.sectormap.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class PublishTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Autowired
    AuditTrail audit;

    private boolean published(long id) {
        return service.get(id).details().published();
    }

    @Test
    void shouldNotPublishUntilTickedAndKeepTheChoiceThroughTheForm() throws Exception {
        String location = mvc.perform(post("/organisations/new").with(csrf())
                        .param("name", "Quiet Group").param("status", "listed"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(published(id)).isFalse();

        Document form = Jsoup.parse(mvc.perform(get(location + "/edit")).andReturn().getResponse()
                .getContentAsString());
        assertThat(form.selectFirst("input[type=checkbox][name=publish]").attr("aria-describedby"))
                .isEqualTo("publish-hint");
        assertThat(form.getElementById("publish-hint").text()).contains("/openreferral");

        mvc.perform(post(location + "/edit").with(csrf()).param("version", "0").param("name", "Quiet Group")
                .param("status", "listed").param("publish", "yes")).andExpect(status().is3xxRedirection());
        assertThat(published(id)).isTrue();
        Document page = Jsoup.parse(mvc.perform(get(location)).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".summary-list__row").text()).contains("Publish in the directory Yes");
        mvc.perform(get("/api/organisations/" + id)).andExpect(jsonPath("$.publish").value(true));
        String csv = mvc.perform(get("/organisations.csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("publish");
        assertThat(csv).contains("Quiet Group");
    }

    @Test
    void shouldRejectAPublishValueThatIsNotYesOrNo() throws Exception {
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "Odd Group").param("status", "listed")
                .param("publish", "perhaps")).andExpect(status().isUnprocessableContent());
        assertThat(service.count()).isZero();
    }

    @Test
    void shouldPublishAWholeSearchAfterConfirmingAndAuditEachRecord() throws Exception {
        long a = service.create(OrganisationDetails.of("Leicester Alpha", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Leicester"));
        long b = service.create(OrganisationDetails.of("Leicester Beta", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.AREA, "Leicester"));
        long elsewhere = service.create(OrganisationDetails.of("Derby Gamma", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Derby city"));

        Document list = Jsoup.parse(mvc.perform(get("/organisations?area=Leicester")).andReturn().getResponse()
                .getContentAsString());
        String confirmLink = list.selectFirst("a:contains(Publish these 2 in the directory)").attr("href");
        Document confirm = Jsoup.parse(mvc.perform(get(confirmLink)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Publish these 2 organisations in the directory?");
        assertThat(published(a)).isFalse();

        String back = mvc.perform(post("/organisations/publish").with(csrf()).param("area", "Leicester")
                        .param("publish", "yes"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo("/organisations?area=Leicester");
        assertThat(List.of(published(a), published(b), published(elsewhere))).containsExactly(true, true, false);
        assertThat(service.get(a).version()).isEqualTo(1);
        assertPublishChange(a, "no", "yes");
        assertPublishChange(b, "no", "yes");
        assertThat(audit.history(OrganisationService.audited(elsewhere))).hasSize(1);

        mvc.perform(post("/organisations/publish").with(csrf()).param("area", "Leicester").param("q", "beta")
                .param("publish", "no")).andExpect(status().is3xxRedirection());
        assertThat(List.of(published(a), published(b))).containsExactly(true, false);
        assertPublishChange(b, "yes", "no");
    }

    private void assertPublishChange(long id, String before, String after) {
        AuditEntry latest = audit.history(OrganisationService.audited(id)).get(0);
        assertThat(latest.action()).isEqualTo(AuditAction.CHANGED);
        assertThat(latest.changes()).containsExactly(new AuditEntry.Change("publish", before, after));
    }

    @Test
    void shouldRefuseBulkPublishingToViewersAndBadChoices() throws Exception {
        mvc.perform(post("/organisations/publish").with(csrf()).param("publish", "yes")
                .with(user("viewer@example.org").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/organisations/publish?publish=maybe")).andExpect(status().isBadRequest());
        mvc.perform(get("/organisations/publish")).andExpect(status().isBadRequest());
        Document list = Jsoup.parse(mvc.perform(get("/organisations").with(user("v@example.org").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("a:contains(Publish these)")).isEmpty();
    }
}
