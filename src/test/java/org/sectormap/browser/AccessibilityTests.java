package org.sectormap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.sectormap.DatabaseTest;
import org.sectormap.ErrorPattern;
import org.sectormap.EveryKindOfRecord;
import org.sectormap.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * axe-core finds nothing to fault on a page of every kind, with the demo data loaded: lists,
 * records, forms as first shown and again with errors, reports, outreach, comments, themes,
 * recommendations, the questionnaire and the import. axe-core comes from the npm registry (.ci/run
 * installs it; see the README); without it, or without chromium, the test is skipped, not passed.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityTests extends BrowserTest {

    private static String axe;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext spring;

    private final List<String> faults = new ArrayList<>();
    private int pagesChecked;

    @BeforeAll
    static void loadAxe() throws IOException {
        axe = Axe.loadIfInstalled();
        if (browser != null) {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        }
    }

    @BeforeEach
    void skipWithoutBrowserOrAxe() {
        assumeTrue(axe != null, Axe.missing());
        assumeTrue(browser != null, Chromium.MISSING);
        Chromium.signIn(browser, port, spring.getEnvironment());
    }

    private void submit(String formCss) {
        Chromium.clickThrough(browser, find(formCss + " button[type=submit]"));
    }

    /** Notes each fault on the page the browser shows against what the page was. */
    private void check(String page) {
        Axe.faults(browser, axe).forEach(fault -> faults.add(page + " " + browser.getCurrentUrl() + ": " + fault));
        ErrorPattern.faults(browser.getPageSource())
                .forEach(fault -> faults.add(page + " " + browser.getCurrentUrl() + ": " + fault));
        pagesChecked++;
    }

    /** So that a harness broken by, say, the pages' script policy cannot pass by finding nothing. */
    @Test
    void shouldReportAFaultWhenAPageHasOne() {
        open("/");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('main').appendChild(document.createElement('img')).src = '/favicon.ico';");
        assertThat(Axe.faults(browser, axe)).anyMatch(fault -> fault.startsWith("image-alt (critical)"));
    }

    private void checkAt(String path) {
        open(path);
        check(path);
    }

    @Test
    void shouldFindNoAccessibilityFaultsOnAnyKindOfPage(@TempDir Path dir) throws Exception {
        checkAt("/");
        checkSigningIn();
        EveryKindOfRecord r = EveryKindOfRecord.fill(mvc, spring);
        String organisation = "/organisations/" + r.organisation();
        for (String path : List.of("/", "/organisations", "/organisations?q=derby&status=interviewed&sort=name",
                "/organisations?q=no+such+organisation", "/organisations/review?status=interviewed&position=2",
                "/organisations/publish?status=listed&publish=yes",
                organisation, "/organisations/" + r.referred(), organisation + "/edit", organisation + "/delete",
                organisation + "/referral?q=derby", organisation + "/interviews/" + r.interview() + "/delete",
                "/outreach", "/outreach/follow-up", "/outreach/referrals", "/comments",
                "/comments/" + r.comment() + "/code", "/themes/" + r.theme(), "/recommendations/" + r.recommendation(),
                "/questionnaire", "/questionnaire/sections/" + r.question().sectionId() + "/edit",
                "/questionnaire/sections/" + r.question().sectionId() + "/questions/new",
                "/import/" + "0".repeat(32), "/imports", "/no-such-page")) {
            checkAt(path);
        }

        open("/reports");
        check("/reports");
        List<String> reports = browser.findElements(By.cssSelector("main a[href^='/reports/']")).stream()
                .map(a -> a.getDomAttribute("href")).filter(href -> !href.contains(".")).distinct().toList();
        assertThat(reports).hasSizeGreaterThan(4).contains("/reports/mapping");
        reports.forEach(this::checkAt);

        for (String form : List.of("/organisations/new", organisation + "/attempts/new",
                organisation + "/interviews/new", organisation + "/consents/new")) {
            checkAt(form);
            submit("main form[method=post]");
            check(form + " with errors");
        }
        long attempt = spring.getBean(JdbcTemplate.class).queryForObject("SELECT MIN(id) FROM contact_attempt"
                + " WHERE organisation_id = ?", Long.class, r.organisation());
        checkAt(organisation + "/attempts/" + attempt + "/delete");
        checkAt(organisation + "/attempts/" + attempt + "/edit");
        browser.findElement(By.cssSelector("#outcome-other")).click();
        // A note one character past its limit: refused, with its error beside the box.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('note').value = 'x'.repeat(2001)");
        submit("main form[method=post]");
        check("a contact attempt's change with errors");
        long consent = spring.getBean(JdbcTemplate.class).queryForObject("SELECT MIN(id) FROM consent_record",
                Long.class);
        checkAt(organisation + "/consents/" + consent + "/withdraw");
        submit("main form[method=post]");
        check("consent withdrawal with errors");
        checkAt("/privacy");
        submit("main form[method=post]");
        check("subject access with errors");
        find("#name").sendKeys("A Contact");
        submit("main form[action$='/subject-access']");
        check("subject access with findings");
        submit("form[action$='/privacy/erasure']");
        check("erasure check");
        checkAt("/privacy/retention");
        find("#months").clear();
        submit("form[action$='/privacy/retention']");
        check("retention with errors");
        checkAt("/questionnaire/questions/" + r.question().id() + "/edit");
        find("main textarea").clear();
        submit("main form[action$='/edit']");
        check("question with errors");
        checkAt("/themes");
        submit("form[action$='/themes']");
        check("themes with errors");
        checkAt("/recommendations");
        find("form[action$='/recommendations/groups']").findElement(By.xpath("preceding-sibling::summary")).click();
        submit("form[action$='/recommendations/groups']");
        check("recommendations with errors");
        open("/recommendations/" + r.recommendation());
        submit("form[action$='/status']");
        check("recommendation progress with errors");

        checkAt("/users");
        submit("form[action$='/users']");
        check("users with errors");
        find("#email").sendKeys("researcher@test.example");
        find("#role").click();
        submit("form[action$='/users']");
        check("users with an invitation");
        String invitation = find("#invitation-link").getText();
        checkAt(invitation.substring(invitation.indexOf("/set-password/")));
        submit("main form");
        check("set password with errors");

        checkAt("/audit");
        checkAt("/audit?kind=organisation&changedFrom=2007-02-31");
        checkAt("/audit?actor=nobody-made-this-change");
        checkAt("/backup");
        submit("form[action$='/backup/restore']");
        check("backup with errors");
        long imported = spring.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(id) FROM import_record",
                Long.class);
        checkAt("/imports/" + imported + "/undo");

        checkAt("/account");
        submit("form[action$='/account/tokens']");
        check("account with errors");
        find("#tokenName").sendKeys("Nightly export");
        submit("form[action$='/account/tokens']");
        check("account with a new token");

        checkAt("/import");
        submit("main form");
        check("import with no file");
        upload(dir.resolve("bad.csv"), "name,status\nA,maybe\n");
        check("import with problems");
        upload(dir.resolve("theirs.csv"), "Organisation Name,Interviewed,Type,Comments\nDerby REC,Yes,BME Org,Good\n");
        assertThat(browser.getCurrentUrl()).endsWith("/mapping");
        check("import mapping");
        submit("main form");
        check("import mapping with problems");
        find("#column-3 option[value=name]").click();
        submit("main form");
        check("import mapping with errors");
        upload(dir.resolve("good.csv"), "name,status,area\nDerby REC,interviewed,Derby city\n");
        check("import preview");
        // The first row is probably the register's record and the second repeats it: both kinds of duplicate.
        upload(dir.resolve("twins.csv"), "name,status,area\nZebra Crossing Group (example),listed,Derby city\n"
                + "Zebra Crossing Group (example),listed,Leicester\n");
        browser.findElements(By.cssSelector("#duplicates-heading ~ * details summary")).forEach(WebElement::click);
        assertThat(browser.findElements(By.cssSelector("details[open] table"))).isNotEmpty();
        check("import preview with likely duplicates, their changes open");
        Path workbook = dir.resolve("two-sheets.xlsx");
        try (XSSFWorkbook twoSheets = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            twoSheets.createSheet("Notes");
            twoSheets.createSheet("Groups");
            twoSheets.write(out);
        }
        open("/import");
        find("input[type=file]").sendKeys(workbook.toAbsolutePath().toString());
        submit("main form");
        assertThat(browser.getCurrentUrl()).endsWith("/sheet");
        check("import sheet choice");
        submit("main form");
        check("import sheet choice with errors");
        checkResearchImport(dir, spring.getBean(OrganisationService.class).get(r.organisation()).details().name());
        JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
        for (String status : List.of("running", "failed", "done")) {
            jdbc.update("INSERT INTO import_job (status, file_name, total_rows, rows_checked, rows_stored, "
                    + "cancel_requested, message, started_by, started_at) VALUES (?, 'big.csv', 10000, 5000, 4000, "
                    + "FALSE, ?, 'admin@test.example', CURRENT_TIMESTAMP)", status,
                    status.equals("failed") ? "import.job.failed" : null);
            checkAt("/imports/jobs/" + jdbc.queryForObject("SELECT MAX(id) FROM import_job", Long.class));
        }

        // A likely duplicate of the interviewed organisation, for the duplicates page and the merge screen.
        String twin = mvc.perform(post("/organisations/new").with(csrf()).param("name", "The "
                        + spring.getBean(OrganisationService.class).get(r.organisation()).details().name() + " Ltd")
                        .param("status", "listed").param("email", "twin@example.org"))
                .andReturn().getResponse().getRedirectedUrl();
        checkAt("/organisations/duplicates");
        checkAt("/organisations/merge?keep=" + r.organisation() + "&other=" + twin.substring(twin.lastIndexOf('/') + 1));

        assertThat(faults).as("accessibility faults axe-core and the error pattern found on %d pages:%n%s", pagesChecked,
                String.join("\n", faults)).isEmpty();
    }

    /** The sign-in page with and without its error, and the setup page while nobody exists. */
    private void checkSigningIn() throws Exception {
        submit("header form[action$='/sign-out']");
        check("/sign-in signed out");
        find("#email").sendKeys("nobody@test.example");
        find("#password").sendKeys("not the password at all");
        submit("main form");
        check("/sign-in with errors");
        JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
        jdbc.update("DELETE FROM api_token");
        jdbc.update("DELETE FROM app_user");
        checkAt("/sign-in");
        checkAt("/setup");
        submit("main form");
        check("/setup with errors");
        spring.getBean("bootstrapAdmin", ApplicationRunner.class).run(new DefaultApplicationArguments());
        Chromium.signIn(browser, port, spring.getEnvironment());
    }

    /** Contact attempts through the upload page's other kind: its mapping, with problems, and its preview. */
    private void checkResearchImport(Path dir, String organisation) throws IOException {
        Path calls = dir.resolve("calls.csv");
        Files.writeString(calls, "Org,Date of contact,Method,Outcome\n\"" + organisation
                + "\",2007-07-02,Phone,No answer\n", StandardCharsets.UTF_8);
        open("/import");
        find("input[name=kind][value=contact-attempts]").click();
        find("input[type=file]").sendKeys(calls.toAbsolutePath().toString());
        submit("main form");
        assertThat(browser.getCurrentUrl()).endsWith("/mapping");
        check("research import mapping");
        submit("main form");
        check("research import mapping with problems");
        find("#value-method-0 option[value=telephone]").click();
        submit("main form");
        assertThat(browser.getCurrentUrl()).doesNotEndWith("/mapping");
        check("research import preview");
    }

    private void upload(Path file, String csv) throws IOException {
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        open("/import");
        find("input[type=file]").sendKeys(file.toAbsolutePath().toString());
        submit("main form");
    }
}
