package org.sectormap.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
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
}
