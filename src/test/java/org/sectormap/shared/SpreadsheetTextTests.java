package org.sectormap.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

    @Test
    void shouldGuardTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(SpreadsheetText.guard("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetText.guard("+44 115")).isEqualTo("'+44 115");
        assertThat(SpreadsheetText.guard("-Youth Voice")).isEqualTo("'-Youth Voice");
        assertThat(SpreadsheetText.guard("@home")).isEqualTo("'@home");
        assertThat(SpreadsheetText.guard("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.guard("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetText.guard("Derby REC")).isEqualTo("Derby REC");
        assertThat(SpreadsheetText.guard("'quoted'")).isEqualTo("'quoted'");
        assertThat(SpreadsheetText.guard(null)).isNull();
    }

    @Test
    void shouldRemoveOnlyTheGuardWhenReadingBack() {
        for (String text : new String[] {"=1+2", "-Youth Voice", "'quoted'", "O'Brien", "'", ""}) {
            assertThat(SpreadsheetText.unguard(SpreadsheetText.guard(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetText.unguard("'plain")).isEqualTo("'plain");
    }
}
