package org.sectormap.shared;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An Excel workbook download, a sheet a table: headings bold and frozen, numbers as numbers,
 * percentages as percentages and dates as dates, so a spreadsheet can add them up and sort them.
 * Rows stream to temporary files as they are written, so a register of any size takes the same
 * memory. Text always goes into text cells, which Excel never runs as a formula.
 */
public final class XlsxDownload implements AutoCloseable {

    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory before they go to disk. */
    private static final int WINDOW = 200;
    /** Column widths, in characters, for headings and for the cells of the first window. */
    private static final int NARROWEST = 8;
    private static final int WIDEST = 60;

    /** A share of a whole, shown as a whole percentage. */
    public record Share(double fraction) {
    }

    private final HttpServletResponse response;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle heading;
    private final CellStyle date;
    private final CellStyle percent;
    private SXSSFSheet sheet;
    private int[] widths;
    private int nextRow;

    private XlsxDownload(HttpServletResponse response) {
        this.response = response;
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
    }

    /** Sets the headers; the workbook is written when this is closed. */
    public static XlsxDownload start(HttpServletResponse response, String fileName) {
        response.setContentType(TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return new XlsxDownload(response);
    }

    /** Starts a sheet with its headings; a name Excel would refuse is made safe. */
    public void sheet(String name, List<String> headings) {
        finishSheet();
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        widths = new int[headings.size()];
        nextRow = 0;
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headings.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headings.get(i));
            cell.setCellStyle(heading);
            widen(i, headings.get(i).length());
        }
        sheet.createFreezePane(0, 1);
    }

    /**
     * One row: text, a {@link Number}, a {@link LocalDate}, a {@link Share}, or null for an empty cell.
     */
    public void row(List<?> values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof Share share) {
                cell.setCellValue(share.fraction());
                cell.setCellStyle(percent);
            } else {
                cell.setCellValue(value.toString());
            }
            if (nextRow <= WINDOW) {
                widen(i, value instanceof LocalDate ? 10 : value.toString().length());
            }
        }
    }

    private void widen(int column, int characters) {
        if (column < widths.length) {
            widths[column] = Math.max(widths[column], Math.min(WIDEST, Math.max(NARROWEST, characters + 2)));
        }
    }

    private void finishSheet() {
        if (sheet != null) {
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
        }
    }

    /** Writes the workbook to the response and deletes its temporary files. */
    @Override
    public void close() throws IOException {
        try (workbook) {
            finishSheet();
            workbook.write(response.getOutputStream());
        }
    }
}
