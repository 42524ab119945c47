package org.sectormap.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The mapping report as a PDF, written from the page's own template by openhtmltopdf: tagged for
 * screen readers (PDF/UA), its fonts embedded, its charts inside it as data. It fetches nothing:
 * the stylesheet is read from the jar, and every other address is refused.
 */
@Component
class MappingPdf {

    private static final String CSS = "/static/css/print.css";

    static {
        // openhtmltopdf writes to java.util.logging, past the app's logging rules, and its messages may
        // quote the document, which holds names; a failure still reaches us as an exception.
        XRLog.setLoggingEnabled(false);
    }

    private final ITemplateEngine templates;

    MappingPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] write(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
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
        String html = templates.process("reports/mapping-pdf", new WebContext(exchange, locale, variables));
        String base = request.getRequestURL().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder pdf = new PdfRendererBuilder().useFastMode().usePdfUaAccessibility(true)
                .withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, base)), base)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .toStream(out);
        pdf.useFont(ChartFont.REGULAR::open, ChartFont.FAMILY, 400, FontStyle.NORMAL, true);
        pdf.useFont(ChartFont.BOLD::open, ChartFont.FAMILY, 700, FontStyle.NORMAL, true);
        pdf.useFont(ChartFont.ITALIC::open, ChartFont.FAMILY, 400, FontStyle.ITALIC, true);
        try {
            pdf.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String css() {
        try (InputStream in = MappingPdf.class.getResourceAsStream(CSS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
