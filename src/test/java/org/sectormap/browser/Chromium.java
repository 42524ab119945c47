package org.sectormap.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.env.Environment;

/**
 * Debian's chromium, headless, through its chromedriver, which .ci/run installs; where they are
 * missing a browser test is reported as skipped, not passed. Nothing here downloads a browser.
 * Tests check {@link #MISSING} before each test rather than once for the class, because Surefire
 * leaves a class skipped as a whole out of its counts.
 */
final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final String MISSING = "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)";

    private Chromium() {
    }

    /** The browser, or null where it is not installed. */
    static WebDriver startIfInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // The flags the machine needs: no sandbox as root, and no calls home on a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /**
     * Signs in through the real sign-in page as the test configuration's bootstrap administrator,
     * whom CleanDatabase creates before each test.
     */
    static void signIn(WebDriver browser, int port, Environment settings) {
        signIn(browser, port, settings.getRequiredProperty("sectormap.bootstrap-admin-email"),
                settings.getRequiredProperty("sectormap.bootstrap-admin-password"));
    }

    static void signIn(WebDriver browser, int port, String email, String password) {
        browser.get("http://127.0.0.1:" + port + "/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        if (browser.getCurrentUrl().contains("/sign-in")) {
            throw new IllegalStateException("Could not sign in");
        }
    }

    /** Signs out through the header's button, as a person would. */
    static void signOut(WebDriver browser) {
        clickThrough(browser, browser.findElement(By.cssSelector(".header__sign-out button")));
    }

    /** Clicks something that loads a new page, and waits until the old page has gone. */
    static void clickThrough(WebDriver browser, WebElement element) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> gone(oldPage));
    }

    /**
     * Whether an element's page has been replaced. Asked in the moment the new page replaces the old,
     * Chromium can answer "Node with given id does not belong to the document" as an unknown error
     * rather than as a stale element (a CI run failed so): that is the old page gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
