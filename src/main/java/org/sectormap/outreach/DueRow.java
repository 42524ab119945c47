package org.sectormap.outreach;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.sectormap.shared.Labels;

/**
 * One row of the morning list or of those keen for follow-up, as the words it shows, worked out once a
 * page as the register's list does (ListRow): the morning list's 200 rows each evaluated a link
 * expression, two or three message look-ups and a date pattern parsed anew.
 */
public record DueRow(String href, String name, String status, String contactName, String phone, String email,
        String lastAttempt, String lastOutcome) {

    static List<DueRow> of(List<ContactAttemptRepository.Due> due, Labels labels) {
        String never = labels.text("due.never");
        DateTimeFormatter dates = labels.dates();
        return due.stream().map(d -> new DueRow("/organisations/" + d.id(), d.name(), labels.of(d.status()),
                d.contactName(), d.phone(), d.email(), d.lastAttempt() == null ? never : dates.format(d.lastAttempt()),
                d.dueOn() == null ? labels.of(d.lastOutcome())
                        : labels.text("due.outcomeFor", labels.of(d.lastOutcome()), dates.format(d.dueOn())))).toList();
    }
}
