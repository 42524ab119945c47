package org.sectormap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.NewComment;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.InterviewMode;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whole journeys in a real browser: import a spreadsheet through the page, find an organisation,
 * amend it and see the reports change; and record an interview whose comment on the wider sector
 * turns up under its theme and not on the organisation's page; and the main pages on a 320px screen.
 * Uses Debian's chromium and chromedriver,
 * which .ci/run installs; where they are missing the test is reported as skipped, not passed.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests extends BrowserTest {

    @Autowired
    OrganisationService organisations;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    CommentService comments;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment settings;

    @BeforeEach
    void skipWithoutBrowserAndSignIn() {
        assumeTrue(browser != null, Chromium.MISSING);
        Chromium.signIn(browser, port, settings);
    }

    private void clickThrough(WebElement element) {
        Chromium.clickThrough(browser, element);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private List<String> cells(String rowHeader) {
        return browser.findElements(By.xpath("//tr[th[normalize-space()='" + rowHeader + "'] or td[1][normalize-space()='"
                + rowHeader + "']]/td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void shouldImportFindAmendAndReport(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mapping.csv");
        Files.writeString(csv, """
                name,category,area,status,full_interview,cyp_board,description
                Derby Millennium Network,BME infrastructure organisation,Derby city,interviewed,yes,no,"Supports BME groups, and networks"
                Rushcliffe CVS,general-infrastructure,Nottinghamshire,interviewed,yes,yes,
                Café & "Friends" <b>中文</b>,,Leicester,listed,,,
                """, StandardCharsets.UTF_8);

        open("/import");
        find("input[type=file]").sendKeys(csv.toAbsolutePath().toString());
        clickThrough(find("main form button[type=submit]"));
        assertThat(find("main").getText()).contains("Derby Millennium Network").contains("Café & \"Friends\" <b>中文</b>");
        clickThrough(find("main form button[type=submit]"));
        assertThat(find("main h1").getText()).isEqualTo("Organisations");

        open("/reports/by-category");
        assertThat(find("main").getText()).contains("BME infrastructure organisation");
        String before = find("main table").getText();

        open("/organisations");
        find("#q").sendKeys("café");
        clickThrough(find("form.filters button[type=submit]"));
        clickThrough(browser.findElement(By.linkText("Café & \"Friends\" <b>中文</b>")));
        assertThat(find("main h1").getText()).isEqualTo("Café & \"Friends\" <b>中文</b>");
        assertThat(find("#contact-history").getText()).isEqualTo("Contact history");
        clickThrough(browser.findElement(By.linkText("Change this organisation")));

        new Select(find("#category")).selectByValue("bme-infrastructure");
        find("#status").click();
        // Script reveals the interview questions once "interviewed" is chosen.
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> find("#fullInterview").isDisplayed());
        find("#fullInterview").click();
        find("#cypBoard").click();
        clickThrough(find("main form button[type=submit]"));
        assertThat(find(".notice").getText()).isEqualTo("Changes saved.");
        assertThat(find("main h1").getText()).isEqualTo("Café & \"Friends\" <b>中文</b>");

        open("/reports/by-category");
        String after = find("main table").getText();
        assertThat(after).isNotEqualTo(before);
        assertThat(cells("BME infrastructure organisation")).containsExactly("2", "2");

        open("/reports/engagement");
        assertThat(cells("BME infrastructure organisation")).startsWith("2", "1", "50%");
    }

    /** Chromium's own print of the mapping page holds every section, and none of the page's navigation. */
    @Test
    void shouldPrintTheMappingReportWithEveryHeading() throws Exception {
        mvc.perform(post("/demo").param("set", "worked-example").with(csrf()));
        open("/reports/mapping");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && document.fonts.status === 'loaded'"
                        + " && Array.from(document.images).every(i => i.complete)")));
        String title = browser.getTitle();
        // Chromium on a loaded machine has now and then printed this page as pages with no text at
        // all; a blank print is taken again, twice at most, and what the last one holds is checked.
        byte[] printed = print();
        for (int again = 0; again < 2 && text(printed).isBlank(); again++) {
            Thread.sleep(1_000);
            printed = print();
        }
        try (PDDocument pdf = Loader.loadPDF(printed)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).as("the print of the page titled " + title + ", " + pdf.getNumberOfPages() + " pages")
                    .contains("Mapping report");
            for (String heading : List.of("Mapping report", "Outreach", "Organisations by category",
                    "Organisations by area", "Engagement", "Organisations interviewed", "Themes and quotes",
                    "Recommendations", "Notes")) {
                assertThat(text).contains(heading);
            }
            assertThat(text).containsPattern("Total\\s+54\\s+45").doesNotContain("Sign out", "Download as PDF");
            assertThat(pdf.getNumberOfPages()).as("a page for each section at least").isGreaterThan(8);
        }
    }

    private byte[] print() {
        return Base64.getDecoder().decode(((PrintsPage) browser).print(new PrintOptions()).getContent());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void shouldRecordAnInterviewKeepingTheSectorCommentOffTheOrganisationsPage() {
        long id = organisations.create(OrganisationDetails.of("Integration Lincolnshire", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Lincolnshire"));
        String aboutItself = "Our coordinator is funded for one day a month.";
        String aboutSector = "Newer communities in rural areas are not organised into groups yet.";

        open("/organisations/" + id);
        clickThrough(browser.findElement(By.linkText("Record an interview")));
        find("#heldOn").sendKeys("12");
        find("#heldOn-month").sendKeys("7");
        find("#heldOn-year").sendKeys("2007");
        find("#mode").click();
        find("#intervieweeRole").sendKeys("Coordinator");
        List<WebElement> answers = browser.findElements(By.cssSelector("textarea[name^=answer-]"));
        answers.get(0).sendKeys(aboutItself);
        WebElement second = answers.get(1);
        String question = second.getAttribute("name").substring("answer-".length());
        find("#about-" + question + "-sector").click();
        second.sendKeys("As Integration Lincolnshire we see it");
        WebElement warning = find("#answer-" + question + "-live-warning");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> warning.isDisplayed());
        second.clear();
        second.sendKeys(aboutSector);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !warning.isDisplayed());
        clickThrough(find("main form button[type=submit]"));

        assertThat(find(".notice").getText()).startsWith("Interview recorded.");
        assertThat(find("main").getText()).contains(aboutItself).doesNotContain(aboutSector);

        // Held back until enough interviews have been recorded: the page says one is waiting, not what it said.
        open("/comments");
        assertThat(find("#waiting").getText()).startsWith("Comments from 1 interview are waiting");
        assertThat(find("main").getText()).doesNotContain(aboutSector);
        comments.releaseNow(Map.of());
        open("/comments");
        WebElement comment = browser.findElement(By.xpath("//blockquote[normalize-space()='" + aboutSector + "']"));
        assertThat(comment.findElement(By.xpath("preceding::h2[1]")).getText()).startsWith("B. ");
        clickThrough(comment.findElement(By.xpath("following-sibling::p/a[normalize-space()='Code this comment']")));
        browser.findElement(By.xpath("//label[normalize-space()='Funding']")).click();
        clickThrough(find("main form button[type=submit]"));

        open("/themes");
        clickThrough(browser.findElement(By.linkText("Funding")));
        assertThat(find("main").getText()).contains(aboutSector);
        open("/organisations/" + id);
        assertThat(find("main").getText()).doesNotContain(aboutSector);
    }

    @Test
    void shouldReflowTheMainPagesAt320PixelsScrollingOnlyTheTables() throws Exception {
        long interviewed = organisations.create(OrganisationDetails.of("Leicestershire Ethnic Minority Partnership for Children and Young People", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.AREA, "Leicestershire")
                .with(OrganisationField.COVERAGE, "Charnwood and Hinckley only")
                .with(OrganisationField.POSTCODE, "LE1 1AA")
                .with(OrganisationField.PHONE, "0116 496 0000")
                .with(OrganisationField.EMAIL, "information.officer@leicestershire-ethnic-minority-partnership.org.uk")
                .with(OrganisationField.CONTACT_NAME, "A. Contact")
                .with(OrganisationField.CONTACT_ROLE, "Development worker")
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 23))
                .with(OrganisationField.INTERVIEW_MODE, InterviewMode.VISIT)
                .with(OrganisationField.FULL_INTERVIEW, true)
                .with(OrganisationField.FOLLOW_UP, true)
                .with(OrganisationField.CYP_BOARD, true)
                .with(OrganisationField.WELL_INFORMED, true));
        long listed = organisations.create(OrganisationDetails.of("Northamptonshire Rural Community Council", OutreachStatus.LISTED)
                .with(OrganisationField.CATEGORY, Category.GENERAL_INFRASTRUCTURE)
                .with(OrganisationField.AREA, "Northamptonshire")
                .with(OrganisationField.PHONE, "01604 496 000"));
        for (long id : List.of(interviewed, listed)) {
            mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                            .content("{\"attemptedOn\":\"2007-07-02\",\"method\":\"telephone\","
                                    + "\"outcome\":\"call-back-arranged\",\"note\":\"Ring the coordinator\"}"))
                    .andExpect(status().isCreated());
        }
        recommendations.addGroup("Supporting the Infrastructure Organisations", "VCS Engage");
        recommendations.add(recommendations.groups().get(0).id(), "Seek clarification of future funding.");
        long recommendation = recommendations.groups().get(0).items().get(0).id();
        recommendations.changeStatus(recommendation, "agreed", "2007-08-01", "Agreed at the board");
        comments.hold(List.of(new NewComment("A", "Barriers", "Meetings are too central.")), Map.of());
        comments.releaseNow(Map.of());

        browser.manage().window().setSize(new Dimension(320, 900));
        try {
            SoftAssertions pages = new SoftAssertions();
            for (String path : List.of("/", "/organisations", "/organisations/" + interviewed, "/organisations/new",
                    "/reports/by-category", "/reports/by-area", "/reports/engagement", "/reports/outreach",
                    "/reports/interviewees", "/outreach", "/outreach/follow-up", "/themes", "/comments",
                    "/recommendations", "/recommendations/" + recommendation, "/import", "/organisations/review",
                    "/organisations/" + interviewed + "/interviews/new", "/organisations/" + listed + "/attempts/new",
                    "/outreach/referrals", "/questionnaire")) {
                open(path);
                assertThat(script("return window.innerWidth")).as(path).isEqualTo(320L);
                checkReflow(pages, path);
            }
            pages.assertAll();
            open("/organisations");
            WebElement region = find("table").findElement(By.xpath(".."));
            assertThat((Long) script("return arguments[0].scrollWidth - arguments[0].clientWidth", region))
                    .as("the table scrolls inside its own container").isPositive();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    @Test
    void shouldFocusAFieldFromTheErrorSummaryWithItsLabelOrLegendInView() {
        browser.manage().window().setSize(new Dimension(1280, 700));
        try {
            open("/organisations/new");
            find("#email").sendKeys("not-an-email");
            find("#status").click();
            find("#interviewDate").sendKeys("1");
            find("#interviewDate-month").sendKeys("1");
            find("#interviewDate-year").sendKeys("2999");
            clickThrough(find("main form button[type=submit]"));

            find(".error-summary a[href='#email']").click();
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
            assertThat(topInViewport(find("label[for=email]"))).isTrue();

            find(".error-summary a[href='#interviewDate']").click();
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("interviewDate");
            assertThat(topInViewport(find("#interviewDate").findElement(By.xpath("ancestor::fieldset/legend"))))
                    .isTrue();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** Scrolling stops on whole pixels, so an element scrolled to the top may start a fraction above it. */
    private boolean topInViewport(WebElement element) {
        return (Boolean) script("var top = arguments[0].getBoundingClientRect().top; "
                + "return top > -1 && top < window.innerHeight;", element);
    }
}
