package org.sectormap.imports;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Excel's numbers as a person reads them and the import's rules expect: a cell formatted as a date
 * is its date, yyyy-mm-dd (with the time when there is one), and any other number is written in
 * full without a trailing ".0", so a phone number typed as a number keeps all its digits; one
 * formatted with digit places alone ("00000 000000") is read as shown, leading zero and all. Text,
 * including numbers stored as text, never comes through here.
 */
final class ExcelValues extends DataFormatter {

    private static final Pattern DIGIT_PLACES = Pattern.compile("0[0 ()-]*");

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
        // A format of digit places alone ("00000 000000"), as a phone number typed as a number wears it,
        // is what the person sees: its leading zeros and spaces are part of the number to them.
        if (formatString != null && DIGIT_PLACES.matcher(formatString).matches() && value == Math.rint(value)) {
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
        return NumberToTextConverter.toText(value);
    }
}
