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
 * A page's own words stay within ASCII: one character beyond Latin-1 (the en dash every title had)
 * makes the buffer Thymeleaf renders the whole page into two bytes a character from there on, and
 * the list page took about a tenth more CPU; one beyond ASCII (the list's middle dots) makes the
 * page's encoding into UTF-8 (PageBytes) step through every character, where an ASCII page is copied
 * whole. Titles still show the dash, written as {@code &ndash;}, and the lists the dot as {@code &middot;}.
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
    void shouldWriteEveryTemplateAndMessageInAscii() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            templates.filter(f -> f.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        files.add(MESSAGES);
        List<String> outside = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).chars().anyMatch(c -> c > 0x7F)) {
                    outside.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(outside).as("characters beyond ASCII (write them as HTML references)").isEmpty();
    }

    @Test
    void shouldTitleAPageWithItsNameThenTheAppsNameAndWriteItInAscii() throws Exception {
        organisations.create(OrganisationDetails.of("Leicester Network", OutreachStatus.LISTED));
        String list = mvc.perform(get("/organisations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(list).title()).isEqualTo("Organisations – Sector Map");
        assertThat(list.chars().filter(c -> c > 0x7F).count()).isZero();

        String signIn = mvc.perform(get("/sign-in").with(anonymous())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(signIn).title()).isEqualTo("Sign in – Sector Map");
    }

    /** Pages are written to the response as bytes (PageBytes): a record's text beyond Latin-1 arrives as UTF-8. */
    @Test
    void shouldSendAPageAsUtf8WhateverItsRecordsHold() throws Exception {
        String name = "Łódź Polish Centre – Zoë’s 中文 group";
        organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED));
        var response = mvc.perform(get("/organisations")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        byte[] bytes = response.getContentAsByteArray();
        String page = new String(bytes, StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("td a").eachText()).containsExactly(name);
        assertThat(page.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    }
}
