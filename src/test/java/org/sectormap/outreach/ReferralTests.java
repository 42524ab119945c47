package org.sectormap.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class ReferralTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    ReferralService referrals;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    private long organisation(String name) {
        return organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldChooseAReferrerBySearchingWithoutScriptAndShowBothDirections() throws Exception {
        long millennium = organisation("Derby Millennium Network");
        long rec = organisation("Derbyshire REC");
        organisation("Rushcliffe CVS");

        Document choose = page("/organisations/" + rec + "/referral?q=derby");
        assertThat(choose.select("label.radios__label").eachText())
                .containsExactly("Derby Millennium Network", "Nobody: a first contact, or found another way");
        mvc.perform(post("/organisations/{id}/referral", rec).with(csrf()).param("referrer", String.valueOf(millennium)))
                .andExpect(redirectedUrl("/organisations/" + rec));

        assertThat(page("/organisations/" + rec).select("#referrals ~ dl a[href=/organisations/" + millennium + "]")
                .text()).isEqualTo("Derby Millennium Network");
        assertThat(page("/organisations/" + millennium).select("#referrals ~ dl li a").eachText())
                .containsExactly("Derbyshire REC");
        // A referral is a change to the record: it moves the version on, as any save does.
        int version = organisations.get(rec).version();
        assertThat(version).isEqualTo(1);
        // A record's own save must not lose the referral, which its form does not carry.
        mvc.perform(post("/organisations/{id}/edit", rec).with(csrf())
                        .param("name", "Derbyshire REC").param("status", "listed").param("version", "1"))
                .andExpect(redirectedUrl("/organisations/" + rec));
        assertThat(referrals.of(rec).referredBy().id()).isEqualTo(millennium);
    }

    @Test
    void shouldRefuseALoopOrTheOrganisationItself() throws Exception {
        long a = organisation("A");
        long b = organisation("B");
        long c = organisation("C");
        referrals.setReferrer(b, String.valueOf(a));
        referrals.setReferrer(c, String.valueOf(b));

        Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/referral", a).with(csrf())
                        .param("referrer", String.valueOf(c)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").text())
                .isEqualTo("That organisation was itself found through this one, so this would make a loop");
        mvc.perform(ApiCalls.put("/api/organisations/{id}/referred-by", a).contentType("application/json")
                        .content("{\"referredBy\":" + a + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referredBy"))
                .andExpect(jsonPath("$.errors[0].message").value("An organisation cannot have referred itself"));
        assertThat(referrals.of(a).referredBy()).isNull();
        // A fraction is refused, not cut down to another organisation's id.
        long d = organisation("D");
        mvc.perform(ApiCalls.put("/api/organisations/{id}/referred-by", a).contentType("application/json")
                        .content("{\"referredBy\":" + d + ".5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referredBy"))
                .andExpect(jsonPath("$.errors[0].message").value("Give a whole number here"));
        assertThat(referrals.of(a).referredBy()).isNull();

        Document typed = Jsoup.parse(mvc.perform(post("/organisations/{id}/referral", a).with(csrf())
                        .param("referrer", "B"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(typed.select(".error-summary a").attr("href")).isEqualTo("#referrer");
        assertThat(typed.select("#referrer-error").text()).contains("Who gave us its details must be a whole number");
    }

    /**
     * Two changes at once each checked the chain without the other's link: A referred by B and B by A
     * both passed and closed a loop, which a restore of the register's own backup then refused.
     */
    @Test
    void shouldMakeASecondChangeAtOnceWaitAndThenSeeTheLoop() throws Exception {
        long a = organisation("A");
        long b = organisation("B");
        CountDownLatch firstSaved = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                referrals.setReferrer(a, String.valueOf(b));
                firstSaved.countDown();
                awaitQuietly(commitFirst);
            }));
            assertThat(firstSaved.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Throwable> second = threads.submit(() -> {
                try {
                    referrals.setReferrer(b, String.valueOf(a));
                    return null;
                } catch (InvalidInputException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            assertThat(second.isDone()).as("the second change waits for the first to commit").isFalse();
            commitFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("the second sees the first's link and refuses")
                    .isInstanceOf(InvalidInputException.class);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(referrals.of(a).referredBy().id()).isEqualTo(b);
        assertThat(referrals.of(b).referredBy()).isNull();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldDrawTheChainsFromFirstContactsAndListThoseNeverReferred() throws Exception {
        long first = organisation("First contact");
        long second = organisation("Second");
        long third = organisation("Third");
        organisation("Found by other means");
        mvc.perform(ApiCalls.put("/api/organisations/{id}/referred-by", second).contentType("application/json")
                .content("{\"referredBy\":" + first + "}")).andExpect(status().isOk());
        referrals.setReferrer(third, String.valueOf(second));

        mvc.perform(get("/api/referrals"))
                .andExpect(jsonPath("$.chains.length()").value(1))
                .andExpect(jsonPath("$.chains[0].name").value("First contact"))
                .andExpect(jsonPath("$.chains[0].referred[0].name").value("Second"))
                .andExpect(jsonPath("$.chains[0].referred[0].referred[0].id").value(third))
                .andExpect(jsonPath("$.neverReferredCount").value(2));
        Document page = page("/outreach/referrals");
        assertThat(page.select("ul.tree > li > a").eachText()).containsExactly("First contact");
        assertThat(page.select("ul.tree ul ul a").eachText()).containsExactly("Third");
        assertThat(page.select("ul.list a").eachText()).containsExactly("First contact", "Found by other means");
    }

    @Test
    void shouldForgetAReferralWhenTheReferrerIsDeleted() throws Exception {
        long referrer = organisation("Gone");
        long referred = organisation("Stays");
        referrals.setReferrer(referred, String.valueOf(referrer));
        organisations.delete(referrer, 0);
        assertThat(organisations.find(referred)).isPresent();
        assertThat(referrals.of(referred).referredBy()).isNull();
        // The record that stays says in its History that its referrer went, as any change of a referrer does.
        assertThat(jdbc.queryForList("SELECT c.before_value FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                + "WHERE e.record_kind = 'referral' AND e.record_id = ? AND c.after_value IS NULL", String.class,
                String.valueOf(referred))).containsExactly("Gone (" + referrer + ")");
    }

    @Test
    void shouldFindAReferrerByNameIgnoringCaseInAnyScript() {
        long forum = organisation("\u0130stanbul Youth Forum");
        long other = organisation("Other");
        assertThat(referrals.candidates("istanbul", other)).extracting(c -> c.id()).containsExactly(forum);
        assertThat(referrals.candidates("\u0130STANBUL", other)).extracting(c -> c.id()).containsExactly(forum);
    }
}
