package org.sectormap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doAnswer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The import as a mapping team meets it, in a real browser: a workbook of two sheets in its own
 * headings and words, large enough to be stored in the background, holding a row that is probably
 * an organisation the register has. The user picks the sheet, maps two columns and a value by hand,
 * chooses to update the likely duplicate, watches the progress page and finds the records. Uses
 * Debian's chromium and chromedriver, which .ci/run installs; where they are missing the test is
 * reported as skipped, not passed. The mapping step and the preview are checked with axe-core, where
 * it is installed, and at 320px wide.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportJourneyTests extends BrowserTest {

    /** More than {@code sectormap.import.background-from} (2,000), so storing runs in the background. */
    private static final int ROWS = 3_000;
    /** The last row of the sheet, in the last batch of 1,000 stored. */
    private static final int DERBY_ROW = ROWS + 1;
    private static final int SOMALI_ROW = 1_500;
    private static final String DERBY = "Derby Racial Equality Council";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static String axe;

    /**
     * Spied to hold the import's update of the likely duplicate until the browser has seen the
     * progress page part way: without it a fast machine could store the file before the page loads.
     */
    @MockitoSpyBean
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment settings;

    private final CountDownLatch progressSeen = new CountDownLatch(1);

    @BeforeAll
    static void loadAxe() throws IOException {
        axe = Axe.loadIfInstalled();
    }

    @BeforeEach
    void skipWithoutBrowserAndSignIn() {
        assumeTrue(browser != null, Chromium.MISSING);
        Chromium.signIn(browser, port, settings);
    }

    /** Whatever happened, the import's thread is not left waiting. */
    @AfterEach
    void letTheImportFinish() {
        progressSeen.countDown();
    }

    private void clickThrough(WebElement element) {
        Chromium.clickThrough(browser, element);
    }

    /** The select that the label with this text names. */
    private Select selectLabelled(String label) {
        return new Select(find("#" + browser.findElement(By.xpath("//label[normalize-space()='" + label + "']"))
                .getDomAttribute("for")));
    }

    /**
     * Nothing axe-core faults, where it is installed, and the page fits a 320px screen, which the
     * fixed addresses BrowserJourneyTests checks at that width cannot reach: these pages need a file.
     */
    private void checkAccessibility(String page) {
        if (axe != null) {
            assertThat(Axe.faults(browser, axe)).as("accessibility faults axe-core found on " + page).isEmpty();
        }
        browser.manage().window().setSize(new Dimension(320, 900));
        try {
            SoftAssertions reflow = new SoftAssertions();
            checkReflow(reflow, page + " at 320px");
            reflow.assertAll();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /**
     * A sheet of notes first, so the sheet choice shows, then the groups in the team's own headings:
     * "Organisation" and "Interviewed?" are synonyms Sector Map knows, "Kind of group" and "Contact
     * tel" are not; "General network" is a category's label, "BME Org" is not.
     */
    private static Path workbook(Path dir) throws IOException {
        Path file = dir.resolve("groups-2007.xlsx");
        // Streamed to the file, as a large sheet is best written: held whole, 3,000 rows take POI seconds.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Groups we phoned, July 2007");
            Sheet groups = workbook.createSheet("Groups");
            Row heading = groups.createRow(0);
            List<String> headings = List.of("Organisation", "Kind of group", "Contact tel", "Interviewed?");
            for (int c = 0; c < headings.size(); c++) {
                heading.createCell(c).setCellValue(headings.get(c));
            }
            for (int number = 2; number <= DERBY_ROW; number++) {
                Row row = groups.createRow(number - 1);
                String name = number == DERBY_ROW ? DERBY
                        : number == SOMALI_ROW ? "Leicester Somali Forum" : "Community Group " + number;
                row.createCell(0).setCellValue(name);
                row.createCell(1).setCellValue(number % 3 == 0 || number == DERBY_ROW ? "BME Org" : "General network");
                if (number == DERBY_ROW) {
                    row.createCell(2).setCellValue("01332 111111");
                }
                row.createCell(3).setCellValue("No");
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }

    @Test
    void shouldImportAWorkbookInItsOwnWordsUpdatingTheLikelyDuplicateInTheBackground(@TempDir Path dir)
            throws Exception {
        long derby = organisations.create(OrganisationDetails.of(DERBY, OutreachStatus.LISTED)
                .with(OrganisationField.PHONE, "01332 000000"));
        doAnswer(call -> {
            if (!call.<List<?>>getArgument(0).isEmpty()) {
                progressSeen.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(organisations).updateAll(anyList(), anySet(), anyLong());
        Path file = workbook(dir);

        open("/import");
        find("input[type=file]").sendKeys(file.toAbsolutePath().toString());
        clickThrough(find("main form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/sheet");
        browser.findElement(By.xpath("//label[normalize-space()='Groups']")).click();
        clickThrough(find("main form button[type=submit]"));

        assertThat(browser.getCurrentUrl()).endsWith("/mapping");
        assertThat(selectLabelled("Organisation").getFirstSelectedOption().getDomAttribute("value")).isEqualTo("name");
        assertThat(selectLabelled("Interviewed?").getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("status");
        assertThat(selectLabelled("Kind of group").getFirstSelectedOption().getDomAttribute("value")).isEmpty();
        selectLabelled("Kind of group").selectByValue("category");
        selectLabelled("Contact tel").selectByValue("phone");
        clickThrough(find("main form button[type=submit]"));
        // Read as a category, the column's values are listed: the label is known, "BME Org" is not yet.
        assertThat(find("#values-category caption").getText()).isEqualTo("Values in the column read as Category");
        assertThat(selectLabelled("General network").getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("general-network");
        checkAccessibility("the mapping step with its problems");
        selectLabelled("BME Org").selectByValue("bme-infrastructure");
        clickThrough(find("main form button[type=submit]"));

        assertThat(find("main h1").getText()).isEqualTo("Check the import");
        assertThat(find(".lead").getText()).contains("3,000", "Groups");
        assertThat(find("#duplicates-heading").getText()).isEqualTo("Likely duplicates (1)");
        WebElement duplicate = browser.findElement(By.xpath("//table[caption[@id='duplicates-caption']]/tbody/tr"));
        assertThat(duplicate.findElement(By.xpath("td[1]")).getText()).isEqualTo(String.valueOf(DERBY_ROW));
        assertThat(duplicate.findElement(By.linkText(DERBY)).getDomAttribute("href")).isEqualTo("/organisations/" + derby);
        duplicate.findElement(By.cssSelector("details summary")).click();
        WebElement changes = find("#changes-" + DERBY_ROW);
        assertThat(changes.isDisplayed()).isTrue();
        assertThat(changes.findElement(By.xpath(".//tr[th[normalize-space()='Telephone']]")).getText())
                .isEqualTo("Telephone 01332 000000 01332 111111");
        checkAccessibility("the preview with a likely duplicate and its changes shown");
        new Select(find("#row-" + DERBY_ROW)).selectByValue("update");
        clickThrough(find("#confirm"));

        // The update waits in the last batch, so the page shows the first two batches stored.
        assertThat(browser.getCurrentUrl()).matches(".*/imports/jobs/\\d+");
        assertThat(find("main h1").getText()).isEqualTo("Importing");
        WebElement bar = find("#import-progress");
        assertThat(bar.getDomAttribute("max")).isEqualTo(String.valueOf(ROWS));
        new WebDriverWait(browser, PATIENCE).until(d -> "2000".equals(bar.getDomProperty("value")));
        assertThat(find("#import-counts").getText()).contains("2,000");
        progressSeen.countDown();
        // The page's script reloads it once the import has ended, so a heading read may go stale.
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(d -> "Import finished".equals(d.findElement(By.cssSelector("main h1")).getText()));
        assertThat(find("#import-progress").getDomProperty("value")).isEqualTo(String.valueOf(ROWS));

        clickThrough(browser.findElement(By.linkText("See them in the register")));
        find("#q").sendKeys("Leicester Somali Forum");
        clickThrough(find("form.filters button[type=submit]"));
        assertThat(browser.findElements(By.linkText("Leicester Somali Forum"))).hasSize(1);
        find("#q").clear();
        find("#q").sendKeys(DERBY);
        clickThrough(find("form.filters button[type=submit]"));
        List<WebElement> found = browser.findElements(By.linkText(DERBY));
        assertThat(found).as("no second Derby record").hasSize(1);
        clickThrough(found.get(0));
        assertThat(browser.getCurrentUrl()).endsWith("/organisations/" + derby);
        assertThat(find("main").getText()).contains("01332 111111").contains("BME infrastructure organisation");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(ROWS);

        open("/imports");
        WebElement imported = browser.findElement(By.xpath("//tr[td[normalize-space()='groups-2007.xlsx']]"));
        assertThat(imported.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .containsSequence("groups-2007.xlsx", "Groups").containsSequence("2,999", "1", "0");
    }
}
