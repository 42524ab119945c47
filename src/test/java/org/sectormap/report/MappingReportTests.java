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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.Theme;
import org.sectormap.comment.ThemeService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The mapping report of the worked example, as a page, a PDF, a Word document and charts, and what a viewer gets of it. */
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
    CommentService comments;

    @Autowired
    ThemeService themes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganisationService organisations;

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
        // The theme counts' lettered columns are named, as the 2007 report's section letters were.
        assertThat(page.select("#themes .caption").text()).contains("A. Barriers facing the infrastructure organisations");
        assertThat(page.select("link[media=print]").attr("href")).isEqualTo("/css/print.css");
        assertThat(page.select(".no-print a").eachAttr("href")).containsExactly("/reports/mapping.pdf",
                "/reports/mapping.docx");
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
            // A PDF is passed round where the app's own addresses lead nowhere: it links only within itself.
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    assertThat(annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI)
                            .as("a link out of the PDF").isFalse();
                }
            }
        }
    }

    @Test
    void shouldWriteEverySectionAsAWordHeadingAndTable1AsATableWithARepeatingHeader() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/reports/mapping.docx")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(answer.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(answer.getHeader("Content-Disposition")).contains("attachment").contains("mapping-report.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(answer.getContentAsByteArray()))) {
            assertThat(styled(docx, MappingDocx.TITLE)).containsExactly("Mapping report");
            assertThat(styled(docx, MappingDocx.HEADING_1)).containsSubsequence(SECTIONS);
            assertThat(styled(docx, MappingDocx.HEADING_2)).isNotEmpty();
            assertHeadingStyle(docx, MappingDocx.HEADING_1, "heading 1", 0);
            assertHeadingStyle(docx, MappingDocx.HEADING_2, "heading 2", 1);
            assertThat(docx.getProperties().getCoreProperties().getTitle()).isEqualTo("Mapping report");
            assertThat(docx.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty())
                    .contains("en-GB");
            assertThat(docx.getSettings().getCTSettings().getThemeFontLang().getVal()).isEqualTo("en-GB");

            XWPFTable table1 = docx.getTables().stream()
                    .filter(t -> t.getCTTbl().getTblPr().getTblCaption().getVal()
                            .equals("Organisations on the database by category"))
                    .findFirst().orElseThrow();
            IBodyElement before = docx.getBodyElements().get(docx.getBodyElements().indexOf(table1) - 1);
            assertThat(((XWPFParagraph) before).getText()).isEqualTo("Organisations on the database by category");
            assertThat(((XWPFParagraph) before).getStyleID()).isEqualTo(MappingDocx.CAPTION);
            assertThat(table1.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table1.getRows().subList(1, table1.getNumberOfRows()))
                    .noneMatch(XWPFTableRow::isRepeatHeader);
            List<List<String>> rows = table1.getRows().stream()
                    .map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList()).toList();
            List<List<String>> expected = new ArrayList<>();
            for (Reports.CategoryRow row : reports.byCategory().rows()) {
                expected.add(List.of(row.label(), String.valueOf(row.onDatabase()), String.valueOf(row.interviewed())));
            }
            expected.add(List.of("Total", "54", "45"));
            assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);
            for (XWPFTableRow row : table1.getRows()) {
                assertThat(row.getCell(0).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
                row.getTableCells().subList(1, 3).forEach(c -> assertThat(c.getParagraphs().get(0).getAlignment())
                        .isEqualTo(ParagraphAlignment.RIGHT));
            }

            Document page = page(get("/reports/mapping"));
            List<String> descriptions = new ArrayList<>();
            List<byte[]> pictures = new ArrayList<>();
            for (XWPFParagraph p : docx.getParagraphs()) {
                for (XWPFRun run : p.getRuns()) {
                    for (CTDrawing drawing : run.getCTR().getDrawingList()) {
                        descriptions.add(drawing.getInlineArray(0).getDocPr().getDescr());
                    }
                    run.getEmbeddedPictures().forEach(picture -> pictures.add(picture.getPictureData().getData()));
                }
            }
            assertThat(descriptions).containsExactlyElementsOf(page.select("figure.chart img").eachAttr("alt"))
                    .allSatisfy(d -> assertThat(d).startsWith("Bar chart: "));
            assertThat(pictures).hasSize(CHARTS.size());
            for (int i = 0; i < CHARTS.size(); i++) {
                assertThat(pictures.get(i)).as(CHARTS.get(i)).isEqualTo(mvc.perform(get("/reports/" + CHARTS.get(i)
                        + ".png")).andReturn().getResponse().getContentAsByteArray());
            }

            List<String> bookmarks = docx.getParagraphs().stream()
                    .flatMap(p -> p.getCTP().getBookmarkStartList().stream()).map(b -> b.getName()).toList();
            List<String> anchors = docx.getParagraphs().stream()
                    .flatMap(p -> p.getCTP().getHyperlinkList().stream()).map(h -> h.getAnchor())
                    .filter(a -> a != null).toList();
            assertThat(anchors).hasSize(SECTIONS.size());
            assertThat(bookmarks).containsAll(anchors);
        }
    }

    @Test
    void shouldQuoteCommentsUnderTheirThemesAndNeverBesideAnOrganisation() throws Exception {
        List<String> quotes = comments.all().stream().filter(AnonymousComment::quote).map(AnonymousComment::text).toList();
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
        try (XWPFDocument docx = docx(get("/reports/mapping.docx"))) {
            assertThat(styled(docx, MappingDocx.QUOTE)).containsAll(quotes);
            List<IBodyElement> themeSection = section(docx, "Themes and quotes");
            assertThat(themeSection).isNotEmpty();
            String themeText = themeSection.stream().map(MappingReportTests::text).collect(Collectors.joining("\n"));
            for (String name : organisationNames()) {
                assertThat(themeText).doesNotContain(name);
            }
            for (IBodyElement element : themeSection) {
                List<XWPFParagraph> paragraphs = element instanceof XWPFTable t
                        ? t.getRows().stream().flatMap(r -> r.getTableCells().stream())
                                .flatMap(c -> c.getParagraphs().stream()).toList()
                        : List.of((XWPFParagraph) element);
                paragraphs.forEach(p -> assertThat(p.getCTP().getHyperlinkList()).as(p.getText()).isEmpty());
            }
            for (XWPFParagraph quote : docx.getParagraphs()) {
                if (MappingDocx.QUOTE.equals(quote.getStyleID())) {
                    assertThat(section(docx, "Themes and quotes")).contains(quote);
                }
            }
        }
    }

    @Test
    void shouldPrintTheAppendixWholeUpToItsBound() throws Exception {
        interviewedInNottingham(MappingReportService.APPENDIX_MOST - interviewed());
        Document page = page(get("/reports/mapping"));
        assertThat(page.select("#interviewees tbody td a")).hasSize(MappingReportService.APPENDIX_MOST);
        assertThat(page.select("#interviewees").text()).doesNotContain("more than the");
    }

    @Test
    void shouldPrintHowManyInEachAreaAndWhereTheListIsBeyondTheAppendixBound() throws Exception {
        Map<String, Long> before = reports.interviewedByArea();
        long added = MappingReportService.APPENDIX_MOST + 1 - interviewed();
        interviewedInNottingham(added);
        String sentence = "2,001 organisations were interviewed, more than the 2,000 this report lists";
        Document page = page(get("/reports/mapping"));
        Element appendix = page.selectFirst("#interviewees");
        assertThat(appendix.text()).contains(sentence);
        assertThat(appendix.select("a").eachAttr("href")).containsExactly("/reports/interviewees",
                "/reports/interviewees.csv");
        assertThat(appendix.select("caption").text()).isEqualTo("Organisations interviewed in each area");
        assertThat(appendix.select("tbody tr")).hasSize(before.size());
        assertThat(appendix.select("tbody tr").stream().filter(r -> r.selectFirst("th").text().equals("Nottingham"))
                .map(r -> r.selectFirst("td").text()).findFirst()).contains(Long.toString(
                        before.getOrDefault("Nottingham", 0L) + added));
        assertThat(appendix.select("tfoot td").text()).isEqualTo("2001");
        try (PDDocument pdf = Loader.loadPDF(mvc.perform(get("/reports/mapping.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray())) {
            String text = text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(sentence).doesNotContain("Nottingham interviewee");
        }
        try (XWPFDocument docx = docx(get("/reports/mapping.docx"));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(text).contains(sentence).doesNotContain("Nottingham interviewee");
        }
    }

    @Test
    void shouldPrintAThemesFirstQuotesAndSayThereAreMore() throws Exception {
        Theme theme = themes.all().get(0);
        List<String> quoted = new ArrayList<>();
        themes.forEachUnderTheme(theme.id(), c -> {
            if (c.quote()) {
                quoted.add(c.text());
            }
        });
        // In the last section, so the one left out is the last of these in key order.
        TreeMap<String, String> added = new TreeMap<>();
        for (int i = quoted.size(); i <= MappingReportService.QUOTES_MOST; i++) {
            String id = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO anonymous_comment (id, section_code, section_title, comment_text, quote) "
                    + "VALUES (?, 'Z', 'Last', ?, FALSE)", id, String.format("Quote %04d", i));
            themes.code(id, Set.of(theme.id()), true);
            added.put(id, String.format("Quote %04d", i));
        }
        Element section = page(get("/reports/mapping")).select(".mapping__theme").first();
        assertThat(section.select("blockquote")).hasSize(MappingReportService.QUOTES_MOST);
        assertThat(section.select("blockquote").eachText()).containsAll(quoted)
                .containsAll(added.headMap(added.lastKey()).values()).doesNotContain(added.lastEntry().getValue());
        assertThat(section.text()).contains("Only the first 200 quotes are printed here");
        assertThat(page(get("/reports/mapping")).select(".mapping__theme").get(1).text())
                .doesNotContain("Only the first");
    }

    private long interviewed() {
        return reports.interviewedByArea().values().stream().mapToLong(Long::longValue).sum();
    }

    private void interviewedInNottingham(long count) {
        List<OrganisationDetails> all = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            all.add(OrganisationDetails.of("Nottingham interviewee " + i, OutreachStatus.INTERVIEWED)
                    .with(OrganisationField.AREA, "Nottingham"));
        }
        organisations.createAll(all, null);
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
            comments.all().forEach(c -> assertThat(text.replaceAll("\\s+", " "))
                    .doesNotContain(c.text().replaceAll("\\s+", " ")));
        }
        try (XWPFDocument docx = docx(get("/reports/mapping.docx").with(VIEWER));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            assertThat(styled(docx, MappingDocx.HEADING_1)).containsSubsequence("Outreach", "Organisations interviewed",
                    "Recommendations", "Notes").doesNotContain("Themes and quotes");
            assertThat(styled(docx, MappingDocx.QUOTE)).isEmpty();
            assertThat(docx.getAllPictures()).hasSize(CHARTS.size() - 1);
            String text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(text).contains("researchers and administrators only");
            comments.all().forEach(c -> assertThat(text).doesNotContain(c.text().replaceAll("\\s+", " ")));
        }
    }

    private XWPFDocument docx(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(mvc.perform(request).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray()));
    }

    private static List<String> styled(XWPFDocument docx, String style) {
        return docx.getParagraphs().stream().filter(p -> style.equals(p.getStyleID())).map(XWPFParagraph::getText)
                .toList();
    }

    /** Word shows a style as a heading, in its navigation pane too, by its built-in name and outline level. */
    private static void assertHeadingStyle(XWPFDocument docx, String id, String name, int outlineLevel) {
        XWPFStyle style = docx.getStyles().getStyle(id);
        assertThat(style.getName()).isEqualTo(name);
        assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.valueOf(outlineLevel));
    }

    /** What comes after the Heading 1 with this text, up to the next Heading 1. */
    private static List<IBodyElement> section(XWPFDocument docx, String heading) {
        List<IBodyElement> section = new ArrayList<>();
        boolean inside = false;
        for (IBodyElement element : docx.getBodyElements()) {
            if (element instanceof XWPFParagraph p && MappingDocx.HEADING_1.equals(p.getStyleID())) {
                inside = p.getText().equals(heading);
            } else if (inside) {
                section.add(element);
            }
        }
        return section;
    }

    private static String text(IBodyElement element) {
        return element instanceof XWPFTable t ? t.getText() : ((XWPFParagraph) element).getText();
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
