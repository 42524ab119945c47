package org.sectormap.organisation;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.sectormap.shared.Labels;

/**
 * One row of the list page as the words it shows. Worked out here, once a page, rather than by the
 * template cell by cell: a link expression, a message look-up and a date pattern parsed for every
 * row were most of what the list page cost beyond the page's own markup.
 */
public record ListRow(String href, String name, String category, String area, String status,
        String interviewDate) {

    static List<ListRow> of(List<Organisation> organisations, Labels labels) {
        String notClassified = labels.text("common.notClassified");
        String notRecorded = labels.text("common.notRecorded");
        DateTimeFormatter dates = labels.dates();
        return organisations.stream().map(o -> {
            OrganisationDetails d = o.details();
            return new ListRow("/organisations/" + o.id(), d.name(),
                    d.category() == null ? notClassified : labels.of(d.category()),
                    d.area() == null ? notRecorded : d.area(), labels.of(d.status()),
                    d.interviewDate() == null ? "" : dates.format(d.interviewDate()));
        }).toList();
    }
}
