package org.sectormap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A team in a real browser: the administrator invites a researcher and a viewer; the researcher
 * sets a password through the link, signs in, records an interview and is refused the user
 * administration page; the viewer sees the organisation but not its contact's name.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamJourneyTests extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase for tests";
    private static final String CONTACT = "Parveen Contact-Person";

    @Autowired
    Environment settings;

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void skipWithoutBrowser() {
        assumeTrue(browser != null, Chromium.MISSING);
    }

    /** Invites someone from the users page and hands back the invitation's link. */
    private String invite(String email, String role) {
        open("/users");
        find("#email").sendKeys(email);
        find("#role-" + role + ", #role[value=" + role + "]").click();
        Chromium.clickThrough(browser, find("form[action$='/users'] button[type=submit]"));
        return find("#invitation-link").getText();
    }

    /** Follows an invitation's link and chooses a password, signed out. */
    private void accept(String link) {
        browser.get(link);
        find("#password").sendKeys(PASSWORD);
        Chromium.clickThrough(browser, find("main form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
    }

    @Test
    void shouldLetAnInvitedResearcherRecordAnInterviewButNotAdministerAndHideContactsFromAViewer() {
        long id = organisations.create(OrganisationDetails.of("Lincolnshire Chinese Association", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, CONTACT));

        Chromium.signIn(browser, port, settings);
        String researcherLink = invite("researcher@journey.example", "RESEARCHER");
        String viewerLink = invite("viewer@journey.example", "VIEWER");
        Chromium.signOut(browser);

        accept(researcherLink);
        Chromium.signIn(browser, port, "researcher@journey.example", PASSWORD);
        open("/organisations/" + id);
        assertThat(find("main").getText()).contains(CONTACT);
        Chromium.clickThrough(browser, browser.findElement(By.linkText("Record an interview")));
        find("#heldOn").sendKeys("20");
        find("#heldOn-month").sendKeys("7");
        find("#heldOn-year").sendKeys("2007");
        find("#mode").click();
        List<WebElement> answers = browser.findElements(By.cssSelector("textarea[name^=answer-]"));
        answers.get(0).sendKeys("We bring Chinese families together across the county.");
        Chromium.clickThrough(browser, find("main form button[type=submit]"));
        assertThat(find(".notice").getText()).startsWith("Interview recorded.");
        assertThat(find("#history ~ div table").getText()).contains("researcher@journey.example", "interview");

        assertThat(browser.findElements(By.cssSelector("nav a[href$='/users']"))).isEmpty();
        open("/users");
        assertThat(find("h1").getText()).isNotEqualTo("Users");
        assertThat(browser.findElements(By.id("invitation-link"))).isEmpty();
        assertThat(find("main").getText()).doesNotContain("researcher@journey.example");
        Chromium.signOut(browser);

        accept(viewerLink);
        Chromium.signIn(browser, port, "viewer@journey.example", PASSWORD);
        open("/organisations/" + id);
        assertThat(find("h1").getText()).isEqualTo("Lincolnshire Chinese Association");
        assertThat(browser.getPageSource()).doesNotContain(CONTACT);
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        open("/organisations");
        // Found before reading the page, so that a page still arriving cannot pass for one without the name.
        assertThat(browser.findElement(By.linkText("Lincolnshire Chinese Association")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain(CONTACT);
        Chromium.signOut(browser);
    }
}
