package org.sectormap.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OutreachStatus;

/**
 * The problems found in a file as it is read: the first {@value #SHOWN} written out, the rest only
 * counted. A file of a million unknown columns would otherwise answer hundreds of megabytes, and
 * nobody reads past the first screenful before fixing the spreadsheet.
 */
final class ImportProblems {

    static final int SHOWN = 200;
    /** Some messages quote the cell or heading; a 20 MB one should not come back twice over. */
    private static final int LONGEST_COLUMN = 100;
    private static final int LONGEST_MESSAGE = 1000;

    private final String sheet;
    private final List<ImportProblem> shown = new ArrayList<>();
    private int total;
    private boolean unknownColumns;

    /** @param sheet the sheet or table every problem is in, or null for a CSV file or the file as a whole */
    ImportProblems(String sheet) {
        this.sheet = sheet;
    }

    static ParsedImport only(String message) {
        ImportProblems problems = new ImportProblems(null);
        problems.add(null, null, () -> message);
        return problems.parsed(List.of(), 0, Map.of());
    }

    /** The message is only written for a problem that will be shown. */
    void add(Integer row, String column, Supplier<String> message) {
        total++;
        if (shown.size() < SHOWN) {
            shown.add(new ImportProblem(sheet, row, column(column), shorten(message.get(), LONGEST_MESSAGE)));
        }
    }

    /** A heading that is no column, so the answer can list the columns once rather than in every message. */
    void unknownColumn(Integer headerRow, String heading, Supplier<String> message) {
        unknownColumns = true;
        add(headerRow, heading, message);
    }

    /** The problems written out, at most {@value #SHOWN}. */
    List<ImportProblem> shown() {
        return List.copyOf(shown);
    }

    int total() {
        return total;
    }

    boolean any() {
        return total > 0;
    }

    /** What the file holds when it is clean; otherwise the problems and nothing of it. */
    ParsedImport parsed(List<OrganisationDetails> firstRows, int rows, Map<OutreachStatus, Long> byStatus) {
        return any() ? new ParsedImport(List.of(), 0, Map.of(), List.copyOf(shown), total, unknownColumns)
                : new ParsedImport(List.copyOf(firstRows), rows, Collections.unmodifiableMap(new TreeMap<>(byStatus)),
                        List.of(), 0, false);
    }

    /** A heading as problems quote it. */
    static String column(String heading) {
        return shorten(heading, LONGEST_COLUMN);
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
