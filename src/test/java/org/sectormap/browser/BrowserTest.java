package org.sectormap.browser;

import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: one Chromium for each test class (null where it is not installed,
 * for the class to skip with {@link Chromium#MISSING}) and the app on its random port.
 */
abstract class BrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startIfInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    /**
     * Notes where the page shown needs sideways scrolling on a screen as wide as the window: only a
     * table may, inside its own focusable region named by its caption. A table nested in another
     * scrolls with it.
     */
    void checkReflow(SoftAssertions pages, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        pages.assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).as(page)
                .isLessThanOrEqualTo((Long) js.executeScript("return window.innerWidth"));
        for (WebElement table : browser.findElements(By.cssSelector("main table:not(table table)"))) {
            WebElement region = table.findElement(By.xpath(".."));
            String caption = table.findElement(By.tagName("caption")).getDomAttribute("id");
            pages.assertThat(Stream.of("role", "tabindex", "aria-labelledby")
                    .map(attribute -> String.valueOf(region.getDomAttribute(attribute))).toList())
                    .as(page + " table container").containsExactly("region", "0", String.valueOf(caption));
        }
    }
}
