package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page's own words stay within Latin-1: one character outside it (the en dash every title had)
 * makes the buffer Thymeleaf renders the whole page into two bytes a character from there on, and
 * the list page took about a tenth more CPU. Titles still show the dash, written as {@code &ndash;}.
 */
@DatabaseTest
class PageTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Test
    void shouldWriteEveryTemplateAndMessageInLatin1() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            templates.filter(f -> f.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        files.add(MESSAGES);
        List<String> outside = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).chars().anyMatch(c -> c > 0xFF)) {
                    outside.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(outside).as("characters beyond Latin-1 (write them as HTML references)").isEmpty();
    }

    @Test
    void shouldTitleAPageWithItsNameThenTheAppsNameAndWriteItInLatin1() throws Exception {
        organisations.create(OrganisationDetails.of("Leicester Network", OutreachStatus.LISTED));
        String list = mvc.perform(get("/organisations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(list).title()).isEqualTo("Organisations – Sector Map");
        assertThat(list.chars().filter(c -> c > 0xFF).count()).isZero();

        String signIn = mvc.perform(get("/sign-in").with(anonymous())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(signIn).title()).isEqualTo("Sign in – Sector Map");
    }
}
