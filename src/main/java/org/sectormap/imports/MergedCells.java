package org.sectormap.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Gives every cell of a merged range the value shown in it, its top-left cell's: a heading merged
 * across two columns names both, and an area merged down five rows is each row's area. Rows must
 * come in order, as both Excel formats store them.
 */
final class MergedCells {

    /** Wider than any table of ours; a range across a whole sheet would otherwise make every row 16,384 cells. */
    private static final int WIDEST = 256;

    private final Iterator<CellRangeAddress> waiting;
    private CellRangeAddress next;
    private final List<CellRangeAddress> open = new ArrayList<>();
    private final Map<CellRangeAddress, String> values = new HashMap<>();

    MergedCells(List<CellRangeAddress> ranges) {
        this.waiting = ranges.stream().sorted(Comparator.comparingInt(CellRangeAddress::getFirstRow)).iterator();
        this.next = waiting.hasNext() ? waiting.next() : null;
    }

    /**
     * The row as shown: merged ranges filled in, and without the empty cells Excel keeps at the end
     * of a row that was once formatted, which would otherwise count as cells past the headings.
     *
     * @param index the row's index from 0
     */
    List<String> fill(int index, List<String> cells) {
        return withoutEmptyEnd(merged(index, cells));
    }

    private List<String> merged(int index, List<String> cells) {
        while (next != null && next.getFirstRow() <= index) {
            open.add(next);
            next = waiting.hasNext() ? waiting.next() : null;
        }
        open.removeIf(range -> range.getLastRow() < index);
        if (open.isEmpty()) {
            return cells;
        }
        List<String> filled = new ArrayList<>(cells);
        for (CellRangeAddress range : open) {
            int first = range.getFirstColumn();
            if (index == range.getFirstRow()) {
                values.put(range, first < cells.size() ? cells.get(first) : "");
            }
            String value = values.getOrDefault(range, "");
            if (value.isEmpty()) {
                continue;
            }
            int last = Math.min(range.getLastColumn(), first + WIDEST - 1);
            while (filled.size() <= last) {
                filled.add("");
            }
            for (int column = first; column <= last; column++) {
                filled.set(column, value);
            }
        }
        return filled;
    }

    private static List<String> withoutEmptyEnd(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return end == cells.size() ? cells : cells.subList(0, end);
    }
}
