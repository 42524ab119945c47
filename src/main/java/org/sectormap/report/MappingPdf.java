package org.sectormap.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The mapping report as a PDF, written from the page's own template ({@link MappingHtml}) by
 * openhtmltopdf: tagged for screen readers (PDF/UA), its fonts embedded, its charts inside it as
 * data. It fetches nothing: every address but the document's own data is refused.
 */
@Component
class MappingPdf {

    static {
        // openhtmltopdf writes to java.util.logging, past the app's logging rules, and its messages may
        // quote the document, which holds names; a failure still reaches us as an exception.
        XRLog.setLoggingEnabled(false);
    }

    /** @param base the address links in the document are resolved against */
    byte[] write(String html, String base) {
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
}
