package org.sectormap.report;

import java.util.List;

/**
 * A report as rows and columns, the one form both the HTML page and the CSV download are drawn
 * from. The first cell of each row names the row; numeric columns are right-aligned on the page.
 */
public record Table(String caption, List<Column> columns, List<List<String>> rows, List<String> total) {

    public record Column(String heading, boolean numeric) {
    }
}
