package org.sectormap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole journeys in a real browser: import a spreadsheet through the page, find an organisation,
 * amend it and see the reports change; and record an interview whose comment on the wider sector
 * turns up under its theme and not on the organisation's page. Uses Debian's chromium and chromedriver,
 * which .ci/run installs; where they are missing the test is reported as skipped, not passed.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startIfInstalled();
    }

    @BeforeEach
    void skipWithoutBrowser() {
        assumeTrue(browser != null, Chromium.MISSING);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private void clickThrough(WebElement element) {
        Chromium.clickThrough(browser, element);
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
        assertThat(find(".caption").getText()).isEqualTo("1 of 1");
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

    @Test
    void shouldRecordAnInterviewKeepingTheSectorCommentOffTheOrganisationsPage() {
        long id = organisations.create(new OrganisationDetails("Integration Lincolnshire", null, "Lincolnshire",
                null, null, null, null, null, null, null, null, null, OutreachStatus.LISTED, null, null, null, null,
                false, false, false, false));
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
}
