package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Websites as people type them, made addresses a browser and the feed's schemas take, or refused. */
class WebAddressTests {

    @Test
    void shouldMakeAnAbsoluteAsciiAddressOfWhatPeopleType() {
        assertThat(WebAddress.of("somaliforum.org.uk")).hasValue("https://somaliforum.org.uk");
        assertThat(WebAddress.of("HTTP://Example.org/Path?q=1#top")).hasValue("http://Example.org/Path?q=1#top");
        assertThat(WebAddress.of("société.example/accueil")).hasValue("https://xn--socit-esab.example/accueil");
        assertThat(WebAddress.of("example.org/café")).hasValue("https://example.org/caf%C3%A9");
        assertThat(WebAddress.of("www.example.org:8443/booking")).hasValue("https://www.example.org:8443/booking");
        assertThat(WebAddress.of("my_club.example.org")).hasValue("https://my_club.example.org");
    }

    @Test
    void shouldRefuseWhatIsNoWebAddress() {
        for (String typed : new String[] {"ftp:weird.example", "http://evil.example/x?a=1&b=\"2\"", "exa|mple.org",
                "example", "https://example.org:port/", "https://user@example.org/", "example.org/100%"}) {
            assertThat(WebAddress.of(typed)).as(typed).isEmpty();
        }
    }
}
