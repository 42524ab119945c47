package org.sectormap.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The mapping report as one page, the same as a PDF, and its charts. Viewers read it as they read
 * the other reports, without the themes and comments, which are not theirs to read.
 */
@Controller
class MappingReportController {

    private final MappingReportService mapping;
    private final MappingPdf pdf;
    private final Labels labels;
    private final Clock clock;

    MappingReportController(MappingReportService mapping, MappingPdf pdf, Labels labels, Clock clock) {
        this.mapping = mapping;
        this.pdf = pdf;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/reports/mapping")
    String page(Model model, HttpServletRequest request, Locale locale) {
        fill(model, request, locale);
        model.addAttribute("pdf", false);
        Map<String, String> images = new LinkedHashMap<>();
        ((MappingReport) model.getAttribute("report")).charts().keySet()
                .forEach(slug -> images.put(slug, request.getContextPath() + "/reports/" + slug + ".png"));
        model.addAttribute("images", images);
        return "reports/mapping";
    }

    @GetMapping("/reports/mapping.pdf")
    ResponseEntity<byte[]> pdf(Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        fill(model, request, locale);
        byte[] document = pdf.write(model.asMap(), request, response, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment().filename("mapping-report.pdf").build()
                        .toString())
                .body(document);
    }

    @GetMapping("/reports/{slug:[a-z-]+}.png")
    ResponseEntity<byte[]> chart(@PathVariable String slug, HttpServletRequest request) {
        ReportCharts.Kind kind = ReportCharts.Kind.fromSlug(slug)
                .orElseThrow(() -> new NotFoundException("error.notFound.report", slug));
        if (kind == ReportCharts.Kind.THEMES && viewer(request)) {
            throw new AccessDeniedException("Viewers do not read themes");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(mapping.chart(kind).png());
    }

    private void fill(Model model, HttpServletRequest request, Locale locale) {
        MappingReport report = mapping.report(!viewer(request));
        model.addAttribute("report", report);
        model.addAttribute("appendix", report.interviewees());
        model.addAttribute("labels", labels);
        model.addAttribute("generatedOn",
                LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
    }

    private static boolean viewer(HttpServletRequest request) {
        return request.isUserInRole("VIEWER");
    }
}
