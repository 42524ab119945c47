package org.sectormap.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STUnderline;
import org.springframework.stereotype.Component;

/**
 * The mapping report as a Word document (Apache POI's XWPF), laid out from the same HTML as the
 * PDF ({@link MappingHtml}), so it says what the page says. Built for Word's navigation pane and
 * screen readers: headings in Word's own Title and Heading 1 and 2 styles with outline levels,
 * each table after its caption with a header row that repeats on every page and numbers aligned
 * right, each chart a picture whose description is its text alternative, quotes in the Quote style.
 * It knows the elements that template writes; any other element comes out as a plain paragraph.
 */
@Component
class MappingDocx {

    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final String CAPTION = "Caption";
    static final String QUOTE = "Quote";
    private static final String NORMAL = "Normal";
    private static final String HYPERLINK = "Hyperlink";

    /** Common to Windows and macOS Word; nothing is embedded, and another machine substitutes its nearest. */
    private static final String FONT = "Arial";
    private static final String TEXT_COLOUR = "0B0C0C";
    private static final String SECONDARY_COLOUR = "505A5F";
    /** A4 with margins of 2 cm, in twentieths of a point. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final int INDENT = 567;
    private static final int EMU_PER_TWIP = Units.EMU_PER_POINT / 20;

    private static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "p", "div", "section", "table", "figure",
            "blockquote", "ol", "ul", "main");

    /** @param base the address links in the document are resolved against */
    byte[] write(String html, String base) {
        Document page = Jsoup.parse(html, base);
        String language = page.selectFirst("html").attr("lang");
        try (XWPFDocument doc = new XWPFDocument()) {
            var properties = doc.getProperties().getCoreProperties();
            properties.setTitle(page.title());
            properties.setSubjectProperty(page.select("meta[name=subject]").attr("content"));
            properties.setCreator(page.select("meta[name=author]").attr("content"));
            properties.getUnderlyingProperties().setLanguageProperty(language);
            doc.getSettings().getCTSettings().addNewThemeFontLang().setVal(language);
            styles(doc, language);
            new Writer(doc, page).blocks(page.body(), null);
            page(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's paragraphs and tables, written in the order the HTML has them. */
    private static final class Writer {

        private final XWPFDocument doc;
        /** Ids that the document's own links point to: each becomes a bookmark on the paragraph that starts it. */
        private final Set<String> targets = new HashSet<>();
        private String pendingBookmark;
        private int bookmarks;
        private int pictures;

        Writer(XWPFDocument doc, Document page) {
            this.doc = doc;
            page.select("a[href^=#]").forEach(a -> targets.add(a.attr("href").substring(1)));
        }

        /** @param style the style of the paragraphs inside, null for Normal */
        void blocks(Element parent, String style) {
            for (Element e : parent.children()) {
                if (targets.contains(e.id())) {
                    pendingBookmark = e.id();
                }
                switch (e.tagName()) {
                    case "h1" -> paragraph(e, TITLE);
                    case "h2" -> heading(e);
                    case "h3" -> paragraph(e, HEADING_2);
                    case "p" -> paragraph(e, e.hasClass("caption") ? CAPTION : style);
                    case "blockquote" -> nested(e, QUOTE);
                    case "table" -> table(e);
                    case "figure" -> figure(e);
                    case "ol" -> list(e);
                    case "style", "script", "link", "meta", "title", "nav", "header" -> {
                    }
                    default -> nested(e, style);
                }
            }
        }

        /** Each section starts a page, as it does in print. */
        private void heading(Element e) {
            XWPFParagraph p = paragraph(e, HEADING_1);
            if (e.parent().hasClass("mapping__section")) {
                p.setPageBreak(true);
            }
        }

        private void nested(Element e, String style) {
            if (e.children().stream().anyMatch(c -> BLOCKS.contains(c.tagName()))) {
                blocks(e, style);
            } else if (e.hasText()) {
                paragraph(e, style);
            }
        }

        private XWPFParagraph paragraph(Element e, String style) {
            XWPFParagraph p = start(style);
            inline(e, p);
            return p;
        }

        /** A new paragraph, with the bookmark waiting for it if any; null for Normal. */
        private XWPFParagraph start(String style) {
            XWPFParagraph p = doc.createParagraph();
            // Without properties of its own, XWPFParagraph's setters such as setKeepNext fail.
            p.getCTP().addNewPPr();
            if (style != null) {
                p.setStyle(style);
            }
            if (pendingBookmark != null) {
                bookmark(p, pendingBookmark);
                pendingBookmark = null;
            }
            return p;
        }

        /** Where a link to #id lands; Word's bookmark names take letters, digits and underscores. */
        private void bookmark(XWPFParagraph p, String id) {
            BigInteger number = BigInteger.valueOf(bookmarks++);
            CTBookmark start = p.getCTP().addNewBookmarkStart();
            start.setName(bookmarkName(id));
            start.setId(number);
            p.getCTP().addNewBookmarkEnd().setId(number);
        }

        private void table(Element e) {
            Element caption = e.selectFirst("> caption");
            if (caption != null) {
                paragraph(caption, CAPTION).setKeepNext(true);
            }
            List<Element> rows = e.select("> thead > tr, > tbody > tr, > tfoot > tr");
            int columns = rows.stream().mapToInt(r -> r.children().stream().mapToInt(Writer::span).sum()).max()
                    .orElse(1);
            XWPFTable table = doc.createTable(rows.size(), columns);
            table.setWidth("100%");
            grid(table, columns);
            if (caption != null) {
                table.getCTTbl().getTblPr().addNewTblCaption().setVal(caption.text());
            }
            for (int i = 0; i < rows.size(); i++) {
                Element tr = rows.get(i);
                XWPFTableRow row = table.getRow(i);
                row.setCantSplitRow(true);
                String section = tr.parent().tagName();
                if (section.equals("thead")) {
                    row.setRepeatHeader(true);
                }
                int cell = 0;
                for (Element td : tr.children()) {
                    cell(row.getCell(cell), td, section);
                    for (int spanned = 1; spanned < span(td); spanned++) {
                        row.removeCell(cell + 1);
                    }
                    cell++;
                }
            }
        }

        private static int span(Element cell) {
            String colspan = cell.attr("colspan");
            return colspan.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(colspan) : 1;
        }

        private static void grid(XWPFTable table, int columns) {
            CTTblGrid grid = table.getCTTbl().getTblGrid();
            if (grid == null) {
                grid = table.getCTTbl().addNewTblGrid();
            }
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int i = 0; i < columns; i++) {
                grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH / columns));
            }
        }

        private void cell(XWPFTableCell cell, Element td, String section) {
            if (span(td) > 1) {
                cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(span(td)));
            }
            if (td.parent().hasClass("table__group")) {
                cell.setColor("F3F2F1");
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            if (td.className().contains("--numeric")) {
                p.setAlignment(ParagraphAlignment.RIGHT);
            }
            inline(td, p);
            if (td.tagName().equals("th") || section.equals("tfoot")) {
                p.getRuns().forEach(r -> r.setBold(true));
            }
        }

        private void figure(Element e) {
            for (Element img : e.select("img[src^=data:image/png;base64,]")) {
                picture(img);
            }
            Element caption = e.selectFirst("figcaption");
            if (caption != null) {
                paragraph(caption, CAPTION);
            }
        }

        /** The chart's own PNG, as wide as the text, described by the text alternative the page gives it. */
        private void picture(Element img) {
            String src = img.attr("src");
            byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
            int id = ++pictures;
            String name = "chart-" + id + ".png";
            int width = TEXT_WIDTH * EMU_PER_TWIP;
            XWPFParagraph p = start(null);
            p.setKeepNext(true);
            XWPFRun run = p.createRun();
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                XWPFPicture picture = run.addPicture(new ByteArrayInputStream(png), PictureType.PNG, name, width,
                        (int) ((long) width * image.getHeight() / image.getWidth()));
                picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(img.attr("alt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidFormatException e) {
                throw new IllegalStateException(e);
            }
            // XWPF names the drawing but gives it no description, and every drawing the id 0 where Word expects one each.
            CTNonVisualDrawingProps drawing = run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
            drawing.setId(id);
            drawing.setName(name);
            drawing.setDescr(img.attr("alt"));
        }

        /** Numbered as the page numbers it, each number written out so it stays what the page says. */
        private void list(Element ol) {
            int number = 0;
            for (Element li : ol.children()) {
                number = li.attr("value").matches("[0-9]{1,9}") ? Integer.parseInt(li.attr("value")) : number + 1;
                XWPFParagraph p = start(null);
                p.setIndentationLeft(INDENT);
                p.setIndentationHanging(INDENT);
                XWPFRun run = p.createRun();
                run.setText(number + ".");
                run.addTab();
                inline(li, p);
            }
        }

        /** The element's text as runs, white space collapsed as a browser collapses it. */
        private void inline(Element e, XWPFParagraph p) {
            List<Piece> pieces = new ArrayList<>();
            pieces(e, null, false, pieces);
            List<Piece> collapsed = new ArrayList<>();
            boolean space = true;
            for (Piece piece : pieces) {
                String text = piece.text().replaceAll("\\s+", " ");
                if (space && text.startsWith(" ")) {
                    text = text.substring(1);
                }
                if (!text.isEmpty()) {
                    space = text.endsWith(" ");
                    collapsed.add(piece.withText(text));
                }
            }
            if (!collapsed.isEmpty() && space) {
                int last = collapsed.size() - 1;
                collapsed.set(last, collapsed.get(last).withText(collapsed.get(last).text().stripTrailing()));
            }
            collapsed.stream().filter(piece -> !piece.text().isEmpty()).forEach(piece -> run(p, piece));
        }

        /**
         * In a list item its parts (the text, the status, the themes) stand apart on the page by their
         * look; here a dash between them does that.
         */
        private static void pieces(Element e, String link, boolean bold, List<Piece> pieces) {
            boolean separate = e.tagName().equals("li");
            boolean first = true;
            for (Node node : e.childNodes()) {
                if (node instanceof TextNode text) {
                    pieces.add(new Piece(text.getWholeText(), link, bold));
                } else if (node instanceof Element child && child.hasText()) {
                    if (separate && !first) {
                        pieces.add(new Piece(" – ", null, false));
                    }
                    first = false;
                    String href = child.tagName().equals("a") ? child.attr("href") : "";
                    pieces(child, href.startsWith("#") ? href : href.isEmpty() ? link : child.absUrl("href"),
                            bold || child.hasClass("tag"), pieces);
                }
            }
        }

        private void run(XWPFParagraph p, Piece piece) {
            if (piece.link() == null) {
                XWPFRun run = p.createRun();
                run.setText(piece.text());
                if (piece.bold()) {
                    run.setBold(true);
                }
            } else if (piece.link().startsWith("#")) {
                CTHyperlink link = p.getCTP().addNewHyperlink();
                link.setAnchor(bookmarkName(piece.link().substring(1)));
                CTR run = link.addNewR();
                run.addNewRPr().addNewRStyle().setVal(HYPERLINK);
                CTText text = run.addNewT();
                text.setStringValue(piece.text());
                text.setSpace(SpaceAttribute.Space.PRESERVE);
            } else {
                XWPFRun run = p.createHyperlinkRun(piece.link());
                run.setStyle(HYPERLINK);
                run.setText(piece.text());
                if (piece.bold()) {
                    run.setBold(true);
                }
            }
        }
    }

    private record Piece(String text, String link, boolean bold) {

        Piece withText(String text) {
            return new Piece(text, link, bold);
        }
    }

    private static String bookmarkName(String id) {
        return id.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /**
     * Word's own names ("heading 1", "caption"...), so Word treats them as its built-in styles: the
     * headings have outline levels, and so appear in the navigation pane and as headings to a screen reader.
     */
    private static void styles(XWPFDocument doc, String language) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage(language);
        add(styles, NORMAL, "Normal", STStyleType.PARAGRAPH, null, p -> p.addNewSpacing().setAfter(BigInteger.valueOf(120)),
                r -> colour(r, TEXT_COLOUR, 11));
        add(styles, TITLE, "Title", STStyleType.PARAGRAPH, null, p -> {
            p.addNewKeepNext();
            p.addNewSpacing().setAfter(BigInteger.valueOf(240));
        }, r -> bold(r, 20));
        add(styles, HEADING_1, "heading 1", STStyleType.PARAGRAPH, 0, p -> {
            p.addNewKeepNext();
            p.addNewSpacing().setBefore(BigInteger.valueOf(240));
        }, r -> bold(r, 15));
        add(styles, HEADING_2, "heading 2", STStyleType.PARAGRAPH, 1, p -> {
            p.addNewKeepNext();
            p.addNewSpacing().setBefore(BigInteger.valueOf(240));
        }, r -> bold(r, 12));
        add(styles, CAPTION, "caption", STStyleType.PARAGRAPH, null, p -> { },
                r -> colour(r, SECONDARY_COLOUR, 10));
        add(styles, QUOTE, "Quote", STStyleType.PARAGRAPH, null, p -> {
            p.addNewInd().setLeft(BigInteger.valueOf(INDENT));
            p.getInd().setRight(BigInteger.valueOf(INDENT));
        }, r -> r.addNewI());
        add(styles, HYPERLINK, "Hyperlink", STStyleType.CHARACTER, null, null, r -> {
            r.addNewColor().setVal("1D70B8");
            r.addNewU().setVal(STUnderline.SINGLE);
        });
    }

    /** @param outlineLevel 0 for Heading 1, null for no heading */
    private static void add(XWPFStyles styles, String id, String name, STStyleType.Enum type, Integer outlineLevel,
            Consumer<CTPPrGeneral> paragraph, Consumer<CTRPr> run) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(type);
        style.addNewName().setVal(name);
        if (id.equals(NORMAL)) {
            style.setDefault(true);
        } else if (type == STStyleType.PARAGRAPH) {
            style.addNewBasedOn().setVal(NORMAL);
            style.addNewNext().setVal(NORMAL);
        }
        style.addNewQFormat();
        if (paragraph != null) {
            CTPPrGeneral p = style.addNewPPr();
            paragraph.accept(p);
            if (outlineLevel != null) {
                p.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
            }
        }
        run.accept(style.addNewRPr());
        styles.addStyle(new XWPFStyle(style, styles));
    }

    // Each element in the order of the schema's sequence, which Word holds to where XmlBeans does not.
    private static void colour(CTRPr run, String colour, int points) {
        run.addNewColor().setVal(colour);
        run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
    }

    private static void bold(CTRPr run, int points) {
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
    }

    private static void page(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(MARGIN / 2));
        margins.setFooter(BigInteger.valueOf(MARGIN / 2));
        margins.setGutter(BigInteger.ZERO);
    }
}
