package org.sectormap.imports;

import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Excel's numbers as a person reads them and the import's rules expect: a cell formatted as a date
 * is its date, yyyy-mm-dd (with the time when there is one), and any other number is written in
 * full without a trailing ".0", whatever its display format, so a phone number typed as a number
 * keeps all its digits. Text, including numbers stored as text, never comes through here.
 */
final class ExcelValues extends DataFormatter {

    /** Excel's TRUE and FALSE, and Access's Yes/No, as the import's tick boxes read them. */
    static String bool(boolean value) {
        return value ? "yes" : "no";
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString,
            boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
            return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                    : at.toString().replace('T', ' ');
        }
        return NumberToTextConverter.toText(value);
    }
}
