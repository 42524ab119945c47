package org.sectormap.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.sectormap.shared.Labels;
import org.springframework.stereotype.Component;

/**
 * What the mapping report's template is given, the one model behind the page, the PDF and the Word
 * document: the report computed from the records now, as the reader's role may read it.
 */
@Component
class MappingReportModel {

    private final MappingReportService mapping;
    private final Labels labels;
    private final Clock clock;

    MappingReportModel(MappingReportService mapping, Labels labels, Clock clock) {
        this.mapping = mapping;
        this.labels = labels;
        this.clock = clock;
    }

    /** @param viewer a viewer's report leaves out the themes and comments, which are not theirs to read */
    Map<String, Object> build(boolean viewer, Locale locale) {
        MappingReport report = mapping.report(!viewer);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("appendix", report.appendix().listed());
        model.put("labels", labels);
        model.put("generatedOn",
                LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        return model;
    }
}
