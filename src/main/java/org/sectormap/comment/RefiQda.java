package org.sectormap.comment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The coded comments in the REFI-QDA exchange format (QDA-XML 1.0), which NVivo, ATLAS.ti, MAXQDA
 * and QualCoder read: a .qdpx project and a .qdc codebook. Themes become codes, and so do the
 * questionnaire sections the comments answered and the quote mark, so each is something a
 * researcher can filter by. Each comment is a text source of its own named only by its place in
 * the export: nothing in either file leads to an organisation or an interview.
 */
final class RefiQda {

    private static final String PROJECT = "urn:QDA-XML:project:1.0";
    private static final String CODEBOOK = "urn:QDA-XML:codebook:1.0";
    private static final String ORIGIN = "Sector Map";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** The codes of one export, each with a GUID that stays the same from one export to the next. */
    private record Codes(Map<Long, UUID> themes, Map<String, UUID> sections, UUID quote, UUID sectionsParent) {
    }

    /** Labels written into the files, in the user's language. */
    record Names(String project, String quote, String quoteDescription, String sections, String comment) {
    }

    /** Hands each coded comment, in order, to a consumer. */
    interface Comments {
        void forEach(Consumer<ThemeService.CodedComment> consumer);
    }

    private final List<Theme> themes;
    private final Comments comments;
    private final Names names;
    private final Codes codes;

    /** @param sections every section the comments answered, as "code. title" */
    RefiQda(List<Theme> themes, List<String> sections, Comments comments, Names names) {
        this.themes = themes;
        this.comments = comments;
        this.names = names;
        Map<Long, UUID> themeCodes = new LinkedHashMap<>();
        themes.forEach(t -> themeCodes.put(t.id(), guid("theme", t.id())));
        Map<String, UUID> sectionCodes = new LinkedHashMap<>();
        sections.forEach(section -> sectionCodes.put(xmlText(section), guid("section", xmlText(section))));
        this.codes = new Codes(themeCodes, sectionCodes, guid("quote", ""), guid("sections", ""));
    }

    /**
     * A zip of project.qde and one UTF-8 text file a comment under Sources/, as the standard lays
     * out, from one pass over the comments: each one's file goes into the zip as its source is written
     * into project.qde, which waits in a temporary file and goes in last.
     */
    void writeProject(OutputStream out, Instant now) throws IOException {
        try (SpooledZip zip = new SpooledZip(out, LocalDateTime.ofInstant(now, ZoneId.systemDefault()))) {
            SpooledZip.Spooled project = zip.spool();
            try (project) {
                XMLStreamWriter xml = start(project, "Project", PROJECT);
                xml.writeAttribute("name", names.project());
                xml.writeAttribute("origin", ORIGIN);
                xml.writeAttribute("creationDateTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
                codeBook(xml);
                // The standard's Sources holds at least one source, so a project with none (and so no
                // sections) leaves it out.
                if (!codes.sections().isEmpty()) {
                    xml.writeStartElement("Sources");
                    int[] number = {0};
                    comments.forEach(coded -> {
                        try {
                            source(xml, coded, ++number[0]);
                            zip.add("Sources/" + coded.comment().id() + ".txt",
                                    text(coded.comment()).getBytes(StandardCharsets.UTF_8));
                        } catch (XMLStreamException e) {
                            throw new UncheckedIOException(new IOException(e));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    xml.writeEndElement();
                }
                end(xml);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            zip.add("project.qde", project);
            zip.finish();
        }
    }

    /** The codes alone, for a team that wants to code its own material the same way. */
    void writeCodeBook(OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = start(out, "CodeBook", CODEBOOK);
            xml.writeAttribute("origin", ORIGIN);
            codeBook(xml, false);
            end(xml);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void codeBook(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("CodeBook");
        codeBook(xml, true);
        xml.writeEndElement();
    }

    private void codeBook(XMLStreamWriter xml, boolean withSections) throws XMLStreamException {
        xml.writeStartElement("Codes");
        for (Theme theme : themes) {
            code(xml, codes.themes().get(theme.id()), theme.name(), null, true);
            xml.writeEndElement();
        }
        code(xml, codes.quote(), names.quote(), names.quoteDescription(), true);
        xml.writeEndElement();
        if (withSections && !codes.sections().isEmpty()) {
            code(xml, codes.sectionsParent(), names.sections(), null, false);
            for (Map.Entry<String, UUID> section : codes.sections().entrySet()) {
                code(xml, section.getValue(), section.getKey(), null, true);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Opens a Code element; the caller closes it, after any codes beneath it. */
    private static void code(XMLStreamWriter xml, UUID guid, String name, String description, boolean codable)
            throws XMLStreamException {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", guid.toString());
        xml.writeAttribute("name", xmlText(name));
        xml.writeAttribute("isCodable", String.valueOf(codable));
        if (description != null) {
            xml.writeStartElement("Description");
            xml.writeCharacters(xmlText(description));
            xml.writeEndElement();
        }
    }

    /** The whole comment is one selection, coded with its themes, its section and the quote mark. */
    private void source(XMLStreamWriter xml, ThemeService.CodedComment coded, int number) throws XMLStreamException {
        AnonymousComment comment = coded.comment();
        String text = text(comment);
        xml.writeStartElement("TextSource");
        xml.writeAttribute("guid", comment.id());
        xml.writeAttribute("name", names.comment() + " " + number);
        // The schema allows the text inline or in Sources/, "not both"; the file is what the tools read.
        xml.writeAttribute("plainTextPath", "internal://" + comment.id() + ".txt");
        xml.writeStartElement("PlainTextSelection");
        xml.writeAttribute("guid", guid("selection", comment.id()).toString());
        xml.writeAttribute("startPosition", "0");
        xml.writeAttribute("endPosition", String.valueOf(text.codePointCount(0, text.length())));
        for (Theme theme : coded.themes()) {
            coding(xml, comment, codes.themes().get(theme.id()));
        }
        coding(xml, comment, codes.sections().get(section(comment)));
        if (comment.quote()) {
            coding(xml, comment, codes.quote());
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void coding(XMLStreamWriter xml, AnonymousComment comment, UUID code) throws XMLStreamException {
        xml.writeStartElement("Coding");
        xml.writeAttribute("guid", guid("coding", comment.id() + ":" + code).toString());
        xml.writeEmptyElement("CodeRef");
        xml.writeAttribute("targetGUID", code.toString());
        xml.writeEndElement();
    }

    private static XMLStreamWriter start(OutputStream out, String root, String namespace) throws XMLStreamException {
        XMLStreamWriter xml = XML.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(namespace);
        return xml;
    }

    /** Closes the root and flushes, leaving the stream open for the zip's next entry. */
    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static String section(AnonymousComment comment) {
        return xmlText(comment.sectionCode() + ". " + comment.sectionTitle());
    }

    private static String text(AnonymousComment comment) {
        return xmlText(comment.text());
    }

    /** Drops the control characters XML 1.0 cannot hold, which a pasted comment may carry. */
    private static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static UUID guid(String kind, Object id) {
        return UUID.nameUUIDFromBytes(("sector-map:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }
}
