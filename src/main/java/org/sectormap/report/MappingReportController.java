package org.sectormap.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.SignedIn;
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
 * The mapping report as one page, the same as a PDF and a Word document, and its charts. Viewers
 * read it as they read the other reports, without the themes and comments, which are not theirs to read.
 */
@Controller
class MappingReportController {

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final MappingReportService mapping;
    private final MappingReportModel reportModel;
    private final MappingHtml html;
    private final MappingPdf pdf;
    private final MappingDocx docx;

    MappingReportController(MappingReportService mapping, MappingReportModel reportModel, MappingHtml html,
            MappingPdf pdf, MappingDocx docx) {
        this.mapping = mapping;
        this.reportModel = reportModel;
        this.html = html;
        this.pdf = pdf;
        this.docx = docx;
    }

    @GetMapping("/reports/mapping")
    String page(Model model, HttpServletRequest request, Locale locale) {
        model.addAllAttributes(reportModel.build(SignedIn.viewer(), locale));
        model.addAttribute("pdf", false);
        Map<String, String> images = new LinkedHashMap<>();
        ((MappingReport) model.getAttribute("report")).charts().keySet()
                .forEach(slug -> images.put(slug, request.getContextPath() + "/reports/" + slug + ".png"));
        model.addAttribute("images", images);
        return "reports/mapping";
    }

    @GetMapping("/reports/mapping.pdf")
    ResponseEntity<byte[]> pdf(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return download(MediaType.APPLICATION_PDF, "mapping-report.pdf",
                pdf.write(printable(request, response, locale), request.getRequestURL().toString()));
    }

    @GetMapping("/reports/mapping.docx")
    ResponseEntity<byte[]> docx(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return download(DOCX, "mapping-report.docx",
                docx.write(printable(request, response, locale), request.getRequestURL().toString()));
    }

    @GetMapping("/reports/{slug:[a-z-]+}.png")
    ResponseEntity<byte[]> chart(@PathVariable String slug) {
        ReportCharts.Kind kind = ReportCharts.Kind.fromSlug(slug)
                .orElseThrow(() -> new NotFoundException("error.notFound.report", slug));
        if (kind == ReportCharts.Kind.THEMES && SignedIn.viewer()) {
            throw new AccessDeniedException("Viewers do not read themes");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(mapping.chart(kind).png());
    }

    private String printable(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return html.write(reportModel.build(SignedIn.viewer(), locale), request, response, locale);
    }

    private static ResponseEntity<byte[]> download(MediaType type, String filename, byte[] document) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
                .body(document);
    }

}
