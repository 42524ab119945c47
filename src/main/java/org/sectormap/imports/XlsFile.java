package org.sectormap.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** An .xls workbook (Excel 97-2003), read whole: the format holds at most 65,536 rows a sheet. */
final class XlsFile implements TableFile {

    private final HSSFWorkbook workbook;
    private final ExcelValues values = new ExcelValues();

    XlsFile(HSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    @Override
    public List<String> tables() {
        return IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
    }

    @Override
    public void read(String table, int headerRow, TableRows rows) {
        Sheet sheet = workbook.getSheet(table);
        if (sheet == null) {
            throw new UnreadableFileException("import.error.noSuchSheet", table);
        }
        FromHeaderRow from = new FromHeaderRow(headerRow, rows);
        MergedCells merged = new MergedCells(sheet.getMergedRegions());
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < row.getLastCellNum(); column++) {
                cells.add(text(row.getCell(column)));
            }
            from.accept(row.getRowNum() + 1, merged.fill(row.getRowNum(), cells));
        }
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(cell);
            case BOOLEAN -> ExcelValues.bool(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private String number(Cell cell) {
        CellStyle style = cell.getCellStyle();
        return values.formatRawCellContents(cell.getNumericCellValue(), style.getDataFormat(),
                style.getDataFormatString(), workbook.getInternalWorkbook().isUsing1904DateWindowing());
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read whole and its file closed as it opened: there is nothing left open to fail.
        }
    }
}
