package org.sectormap.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The mapping report as one self-contained HTML document, from the page's own template with no
 * navigation, the print stylesheet inline and each chart's PNG inside it as data: the one source
 * of the PDF and the Word document, so both say what the page says.
 */
@Component
class MappingHtml {

    private static final String CSS = "/static/css/print.css";

    private final ITemplateEngine templates;

    MappingHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** @param model as {@link MappingReportModel} builds it */
    String write(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        MappingReport report = (MappingReport) model.get("report");
        Map<String, Object> variables = new LinkedHashMap<>(model);
        variables.put("pdf", true);
        variables.put("css", css());
        Map<String, String> images = new LinkedHashMap<>();
        report.charts().forEach((slug, chart) -> images.put(slug,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(chart.png())));
        variables.put("images", images);
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        return templates.process("reports/mapping-pdf", new WebContext(exchange, locale, variables));
    }

    private static String css() {
        try (InputStream in = MappingHtml.class.getResourceAsStream(CSS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
