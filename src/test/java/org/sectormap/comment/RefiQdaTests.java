package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.EveryKindOfRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The coded comments leave in the REFI-QDA format, valid against its schema, and lead to nobody. */
@DatabaseTest
class RefiQdaTests {

    private static final String PROJECT = "urn:QDA-XML:project:1.0";
    private static final String CODEBOOK = "urn:QDA-XML:codebook:1.0";
    private static final String AWKWARD = "Funding <ends> & \"then\" \u0001what? 🙂 Ünïcödé";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    CommentService comments;

    @Autowired
    ThemeService themes;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, byte[]> project() throws Exception {
        byte[] zip = mvc.perform(get("/comments.qdpx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"anonymous-comments.qdpx\""))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static void validate(byte[] qde) throws Exception {
        validate(new StreamSource(new ByteArrayInputStream(qde)));
    }

    private static void validate(Source xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(RefiQdaTests.class.getResource("/refi-qda/Project-mrt2019.xsd")).newValidator()
                .validate(xml);
    }

    /**
     * The codebook standard's own schema (Codebook.xsd) is not among the standards we hold, and its
     * published copies are not ours to ship; the Project schema defines the same CodeBook, Codes and
     * Code (less the codebook's {@code origin} attribute and optional {@code Sets}). So a .qdc is
     * checked for having nothing else, then validated as the CodeBook of a Project.
     */
    private static void validateCodebook(byte[] qdc) throws Exception {
        Document document = parse(qdc);
        Element codeBook = document.getDocumentElement();
        assertThat(codeBook.getNamespaceURI()).isEqualTo(CODEBOOK);
        assertThat(codeBook.getAttribute("origin")).isNotEmpty();
        assertThat(IntStream.range(0, codeBook.getAttributes().getLength())
                .mapToObj(i -> codeBook.getAttributes().item(i).getNodeName())).containsOnly("origin", "xmlns");
        codeBook.removeAttribute("origin");
        codeBook.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE);
        Element project = document.createElementNS(PROJECT, "Project");
        project.setAttribute("name", "codebook");
        document.replaceChild(project, codeBook);
        project.appendChild(codeBook);
        NodeList all = codeBook.getElementsByTagNameNS("*", "*");
        List<Element> elements = Stream.concat(Stream.of(codeBook),
                IntStream.range(0, all.getLength()).mapToObj(i -> (Element) all.item(i))).toList();
        for (Element element : elements) {
            assertThat(element.getNamespaceURI()).isEqualTo(CODEBOOK);
            document.renameNode(element, PROJECT, element.getLocalName());
        }
        validate(new DOMSource(document));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(PROJECT, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    @Test
    void shouldExportEveryCommentCodedWithItsThemesSectionAndQuoteValidAgainstTheProjectSchema() throws Exception {
        EveryKindOfRecord.fill(mvc, spring);
        comments.hold(List.of(new NewComment("B", "Support", AWKWARD)), Map.of());
        comments.releaseNow(Map.of());
        String awkward = comments.all().stream().filter(c -> c.text().equals(AWKWARD)).findFirst().orElseThrow().id();
        long funding = themes.all().stream().filter(t -> t.name().equals("Funding")).findFirst().orElseThrow().id();
        long trust = themes.all().stream().filter(t -> t.name().equals("Trust")).findFirst().orElseThrow().id();
        themes.code(awkward, Set.of(funding, trust), true);

        Map<String, byte[]> project = project();
        byte[] qde = project.get("project.qde");
        validate(qde);
        Document document = parse(qde);

        List<Element> codes = elements(document, "Code");
        Map<String, String> guidByName = new LinkedHashMap<>();
        codes.forEach(code -> guidByName.put(code.getAttribute("name"), code.getAttribute("guid")));
        assertThat(guidByName.keySet()).containsAll(themes.all().stream().map(Theme::name).toList())
                .contains("Quote", "Questionnaire sections", "B. Support");

        List<Element> sources = elements(document, "TextSource");
        assertThat(sources).hasSize(comments.all().size());
        Element source = sources.stream().filter(s -> s.getAttribute("guid").equals(awkward)).findFirst().orElseThrow();
        String kept = "Funding <ends> & \"then\" what? 🙂 Ünïcödé";
        Element selection = (Element) source.getElementsByTagNameNS(PROJECT, "PlainTextSelection").item(0);
        // The Project schema: "Either PlainTextContent or plainTextPath MUST be filled, not both".
        assertThat(source.getElementsByTagNameNS(PROJECT, "PlainTextContent").getLength()).isZero();
        assertThat(selection.getAttribute("startPosition")).isEqualTo("0");
        assertThat(selection.getAttribute("endPosition")).isEqualTo(String.valueOf(kept.codePointCount(0,
                kept.length())));
        List<String> codedWith = IntStream.range(0, selection.getElementsByTagNameNS(PROJECT,
                "CodeRef").getLength()).mapToObj(i -> ((Element) selection.getElementsByTagNameNS(PROJECT, "CodeRef")
                .item(i)).getAttribute("targetGUID")).toList();
        assertThat(codedWith).containsExactlyInAnyOrder(guidByName.get("Funding"), guidByName.get("Trust"),
                guidByName.get("B. Support"), guidByName.get("Quote"));
        assertThat(new String(project.get("Sources/" + awkward + ".txt"), StandardCharsets.UTF_8)).isEqualTo(kept);
        assertThat(source.getAttribute("plainTextPath")).isEqualTo("internal://" + awkward + ".txt");
        assertThat(project.keySet().stream().filter(name -> name.startsWith("Sources/"))).hasSize(sources.size());

        assertNothingLeadsToAnOrganisationOrInterview(project);
    }

    private void assertNothingLeadsToAnOrganisationOrInterview(Map<String, byte[]> project) {
        String everything = String.join("\n", project.values().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
        List<String> names = jdbc.queryForList("SELECT name FROM organisation", String.class);
        assertThat(names).isNotEmpty();
        names.forEach(name -> assertThat(everything).doesNotContain(name));
        assertThat(everything).doesNotContain("2007-07-20").doesNotContain("2007-07-21").doesNotContain("A Contact");
    }

    @Test
    void shouldExportAValidProjectWithNoCommentsYet() throws Exception {
        Map<String, byte[]> project = project();
        assertThat(project.keySet()).containsExactly("project.qde");
        validate(project.get("project.qde"));
        assertThat(elements(parse(project.get("project.qde")), "Code")).extracting(c -> c.getAttribute("name"))
                .contains("Funding", "Quote");
    }

    @Test
    void shouldFindACodebookInvalidWhenACodeLacksWhatTheSchemaRequires() {
        byte[] qdc = ("<CodeBook xmlns=\"" + CODEBOOK + "\" origin=\"x\"><Codes>"
                + "<Code guid=\"not-a-guid\" name=\"Funding\"/></Codes></CodeBook>").getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validateCodebook(qdc))
                .isInstanceOf(org.xml.sax.SAXParseException.class);
    }

    @Test
    void shouldExportTheThemesAsACodebookValidAgainstTheSchemasCodeBook() throws Exception {
        byte[] qdc = mvc.perform(get("/themes.qdc")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"themes.qdc\""))
                .andReturn().getResponse().getContentAsByteArray();
        validateCodebook(qdc);
        Document codebook = parse(qdc);
        assertThat(codebook.getDocumentElement().getLocalName()).isEqualTo("CodeBook");
        assertThat(codebook.getDocumentElement().getNamespaceURI()).isEqualTo("urn:QDA-XML:codebook:1.0");
        NodeList codes = codebook.getElementsByTagNameNS("urn:QDA-XML:codebook:1.0", "Code");
        List<String> names = IntStream.range(0, codes.getLength())
                .mapToObj(i -> ((Element) codes.item(i)).getAttribute("name")).toList();
        assertThat(names).containsExactlyElementsOf(Stream.concat(
                themes.all().stream().map(Theme::name), Stream.of("Quote")).toList());
    }
}
