package org.sectormap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.ThemeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The mapping report of the worked example, as a page, a PDF and charts, and what a viewer gets of it. */
@DatabaseTest
class MappingReportTests {

    private static final List<String> SECTIONS = List.of("Outreach", "Organisations by category",
            "Organisations by area", "Engagement", "Organisations interviewed", "Themes and quotes", "Recommendations",
            "Notes");
    private static final List<String> CHARTS = List.of("outreach", "by-category", "by-area", "engagement", "themes");
    private static final RequestPostProcessor VIEWER = user("viewer@test.example").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportService reports;

    @Autowired
    ThemeService themes;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadTheWorkedExample() throws Exception {
        mvc.perform(post("/demo").param("set", "worked-example").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void shouldListEverySectionWithItsTableAndChart() throws Exception {
        Document page = page(get("/reports/mapping"));
        assertThat(page.select("h2").eachText()).containsSubsequence(SECTIONS);
        assertThat(page.select(".mapping__section")).hasSize(SECTIONS.size());
        assertThat(page.select("figure.chart img").eachAttr("src")).containsExactlyElementsOf(
                CHARTS.stream().map(c -> "/reports/" + c + ".png").toList());
        assertThat(page.select("figure.chart img").eachAttr("alt")).allSatisfy(alt -> assertThat(alt).matches(
                "Bar chart: .+\\. .+: .*\\d.*\\."));
        assertThat(page.select("#by-category caption").text()).isEqualTo("Organisations on the database by category");
        assertThat(page.select("#by-category tfoot td").eachText()).containsExactly("54", "45");
        assertThat(page.select("#notes").text()).contains("no map of the areas");
        assertThat(page.select("link[media=print]").attr("href")).isEqualTo("/css/print.css");
    }

    @Test
    void shouldPrintEverySectionAndTable1InThePdfWithEmbeddedFonts() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/reports/mapping.pdf")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(answer.getContentType()).isEqualTo("application/pdf");
        assertThat(answer.getHeader("Content-Disposition")).contains("mapping-report.pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.getContentAsByteArray())) {
            String text = text(pdf);
            SECTIONS.forEach(heading -> assertThat(text).contains(heading));
            for (Reports.CategoryRow row : reports.byCategory().rows()) {
                assertThat(text).containsPattern(Pattern.quote(row.label()) + "\\s+" + row.onDatabase() + "\\s+"
                        + row.interviewed());
            }
            assertThat(text).containsPattern("Total\\s+54\\s+45");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).contains("DejaVuSans"));
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Mapping report");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            long images = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(CHARTS.size());
        }
    }

    @Test
    void shouldQuoteCommentsUnderTheirThemesAndNeverBesideAnOrganisation() throws Exception {
        List<String> quotes = themes.coded().stream().filter(c -> c.comment().quote()).map(c -> c.comment().text())
                .toList();
        assertThat(quotes).isNotEmpty();
        Document page = page(get("/reports/mapping"));
        assertThat(page.select("#themes blockquote.quote").eachText()).containsAll(quotes);
        assertThat(page.select("#themes blockquote a")).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(mvc.perform(get("/reports/mapping.pdf")).andReturn().getResponse()
                .getContentAsByteArray())) {
            String text = text(pdf).replaceAll("\\s+", " ");
            int themesStart = text.lastIndexOf("Themes and quotes");
            String themeSection = text.substring(themesStart, text.indexOf("Recommendations", themesStart));
            quotes.forEach(q -> assertThat(themeSection).contains(q.replaceAll("\\s+", " ")));
            for (String name : organisationNames()) {
                assertThat(themeSection).doesNotContain(name);
            }
            for (PDPage p : pdf.getPages()) {
                for (PDAnnotation link : p.getAnnotations()) {
                    assertThat(link.getCOSObject().toString()).doesNotContain("/comments");
                }
            }
        }
    }

    @Test
    void shouldAnswerEachChartAsAPngOfSaneSize() throws Exception {
        for (String chart : CHARTS) {
            MockHttpServletResponse answer = mvc.perform(get("/reports/" + chart + ".png")).andExpect(status().isOk())
                    .andReturn().getResponse();
            assertThat(answer.getContentType()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.getContentAsByteArray()));
            assertThat(image.getWidth()).as(chart).isEqualTo(ReportCharts.WIDTH);
            assertThat(image.getHeight()).as(chart).isBetween(150, 1200);
        }
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        mvc.perform(get("/reports/no-such-chart.png")).andExpect(status().isNotFound());
    }

    @Test
    void shouldLeaveThemesAndQuotesOutForAViewer() throws Exception {
        Document page = page(get("/reports/mapping").with(VIEWER));
        assertThat(page.select("h2").eachText()).containsSubsequence("Outreach", "Organisations interviewed",
                "Recommendations", "Notes").doesNotContain("Themes and quotes");
        assertThat(page.select("#themes, blockquote")).isEmpty();
        assertThat(page.select("#notes").text()).contains("researchers and administrators only");
        mvc.perform(get("/reports/themes.png").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/by-area.png").with(VIEWER)).andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/reports/mapping.pdf").with(VIEWER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).doesNotContain("Themes and quotes");
            themes.coded().forEach(c -> assertThat(text.replaceAll("\\s+", " "))
                    .doesNotContain(c.comment().text().replaceAll("\\s+", " ")));
        }
    }

    private List<String> organisationNames() {
        return jdbc.queryForList("SELECT name FROM organisation", String.class);
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MockHttpServletResponse answer = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        return Jsoup.parse(answer.getContentAsString());
    }

    private static String text(PDDocument pdf) throws java.io.IOException {
        return new PDFTextStripper().getText(pdf);
    }
}
