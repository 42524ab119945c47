package org.sectormap.comment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.PageCount;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.SpreadsheetText;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** What interviewees said about the wider sector, by theme, with no trace of who said it. */
@Controller
class CommentController {

    private final CommentService comments;
    private final ThemeService themes;
    private final MessageSource messages;
    private final Clock clock;
    private final Inputs inputs;

    CommentController(CommentService comments, ThemeService themes, MessageSource messages, Clock clock,
            Inputs inputs) {
        this.comments = comments;
        this.inputs = inputs;
        this.themes = themes;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Grouped by the questionnaire section each answered, with the themes each is coded under, and
     * how many interviews' comments are still waiting to be released: a count, never what they say.
     */
    @GetMapping("/comments")
    String list(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        ThemeService.CommentPage page = themes.page(inputs.page(params));
        PageCount.notFoundPast(page.page(), page.pageCount(), response);
        Map<String, List<ThemeService.CodedComment>> bySection = page.comments().stream().collect(Collectors.groupingBy(
                c -> c.comment().sectionCode() + ". " + c.comment().sectionTitle(), LinkedHashMap::new,
                Collectors.toList()));
        model.addAttribute("bySection", bySection);
        model.addAttribute("comments", page);
        model.addAttribute("waiting", comments.waiting());
        return "comment/list";
    }

    /** For qualitative analysis tools: the comments as sources coded with their themes, sections and quote mark. */
    @GetMapping("/comments.qdpx")
    void exportProject(HttpServletResponse response) throws IOException {
        download(response, "anonymous-comments.qdpx", "application/zip");
        themes.writeProject(response.getOutputStream(), names(), clock.instant());
    }

    /** The themes alone as a REFI-QDA codebook. */
    @GetMapping("/themes.qdc")
    void exportCodeBook(HttpServletResponse response) throws IOException {
        download(response, "themes.qdc", "application/xml");
        themes.writeCodeBook(response.getOutputStream(), names());
    }

    private RefiQda.Names names() {
        return new RefiQda.Names(message("comment.qda.project"),
                message("comment.qda.quote"), message("comment.qda.quoteDescription"), message("comment.qda.sections"),
                message("comment.qda.comment"));
    }

    private static void download(HttpServletResponse response, String fileName, String type) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** For the write-up: each comment's questionnaire theme, text, coded themes and quote mark, nothing more. */
    @GetMapping("/comments.csv")
    void export(HttpServletResponse response) throws IOException {
        List<String> header = Stream.of("comment.export.section", "comment.export.text", "comment.export.themes",
                "comment.export.quote").map(key -> messages.getMessage(key, null, LocaleContextHolder.getLocale()))
                .toList();
        String yes = messages.getMessage("common.yes", null, LocaleContextHolder.getLocale());
        try (CSVPrinter csv = CsvDownload.start(response, "anonymous-comments.csv", header)) {
            themes.forEachCoded(coded -> {
                AnonymousComment c = coded.comment();
                try {
                    csv.printRecord(Stream.of(c.sectionCode() + ". " + c.sectionTitle(), c.text(),
                            coded.themes().stream().map(Theme::name).collect(Collectors.joining("; ")),
                            c.quote() ? yes : "").map(SpreadsheetText::guard));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
