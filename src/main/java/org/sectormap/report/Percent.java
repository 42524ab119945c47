package org.sectormap.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Whole percentages as the report prints them: rounded half up (5 of 16 is 31%, 1 of 8 is 13%). */
final class Percent {

    private Percent() {
    }

    /** The share as a whole percent, or null when there is nothing to take a share of. */
    static Integer of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
