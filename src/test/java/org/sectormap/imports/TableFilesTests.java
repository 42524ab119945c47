package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.healthmarketscience.jackcess.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of file hands over: the cells as a person reads them, numbered as their program shows them. */
class TableFilesTests {

    @TempDir
    Path dir;

    private final TableFiles files = new TableFiles();

    /** Each row as its number and cells, the header first. */
    private static List<String> rows(TableFile file, String table, int headerRow) {
        List<String> rows = new ArrayList<>();
        file.read(table, headerRow, new TableFile.TableRows() {
            @Override
            public void header(Integer row, List<String> headings) {
                rows.add(row + " " + headings);
            }

            @Override
            public void row(int number, List<String> cells) {
                rows.add(number + " " + cells);
            }
        });
        return rows;
    }

    private static List<String> rows(byte[] content, String fileName, String table, int headerRow, TableFiles files) {
        try (TableFile file = files.open(TestFiles.file(content), fileName)) {
            return rows(file, table, headerRow);
        }
    }

    @Test
    void shouldReadWorkbookCellsAsAPersonSeesThemFromTheHeaderRowOn() {
        String[] expected = {
            "3 [name, category, area, status, interview_date, full_interview, follow_up, phone, address, description]",
            "4 [Derby REC, bme-infrastructure, Derby city, interviewed, 2007-07-20, yes, no, 1332000000, 007, "
                    + "Supports groups]",
            "5 [Rushcliffe CVS, general-infrastructure, Nottinghamshire, listed]",
            "6 []", "7 []", "8 []", "9 []"};
        for (byte[] workbook : List.of(TestFiles.xlsx(), TestFiles.xls())) {
            try (TableFile file = files.open(TestFiles.file(workbook), "mapping")) {
                assertThat(file.tables()).containsExactly("Notes", TestFiles.SHEET);
                assertThat(rows(file, TestFiles.SHEET, TestFiles.HEADER_ROW)).containsExactly(expected);
            }
        }
    }

    @Test
    void shouldReadAccessTablesWithYesNoDatesMemosAndAutoNumbers() {
        for (Database.FileFormat format : List.of(Database.FileFormat.V2003, Database.FileFormat.V2007)) {
            byte[] database = TestFiles.access(format, dir);
            try (TableFile file = files.open(TestFiles.file(database), null)) {
                assertThat(file.tables()).containsExactlyInAnyOrder("Organisations", "Contacts");
                assertThat(rows(file, "Organisations", 5)).containsExactly(
                        "null [name, category, area, status, interview_date, full_interview, follow_up, description]",
                        "1 [Derby REC, bme-infrastructure, Derby city, interviewed, 2007-07-20, yes, no, "
                                + "Supports groups,\nand networks]",
                        "2 [Rushcliffe CVS, general-infrastructure, Nottinghamshire, listed, , no, no, ]");
                assertThat(rows(file, "Contacts", 1)).containsExactly("null [id, calls, cost]", "1 [1, 3, 12.5]");
            }
        }
    }

    @Test
    void shouldReadAnAccessDatabaseAndAWorkbookWhereTheUploadLiesAndLeaveItAsItWas() throws Exception {
        for (byte[] content : List.of(TestFiles.access(Database.FileFormat.V2007, dir), TestFiles.xlsx())) {
            Path upload = TestFiles.file(content);
            try (TableFile file = files.open(upload, null)) {
                assertThat(file.tables()).isNotEmpty();
            }
            assertThat(Files.readAllBytes(upload)).isEqualTo(content);
        }
    }

    @Test
    void shouldSayAnUploadHasGoneWhenItsFileWentBeforeItWasRead() throws Exception {
        Path upload = TestFiles.file(TestFiles.xlsx());
        Files.delete(upload);
        assertThatThrownBy(() -> files.open(upload, "register.xlsx")).isInstanceOf(UploadGoneException.class);
    }

    @Test
    void shouldReadUtf8WithOrWithoutAByteOrderMarkAndOtherwiseWindows1252() {
        String text = "name\nCaf\u00e9 \u201cForum\u201d \u00a35\n";
        List<String> expected = List.of("1 [name]", "2 [Caf\u00e9 \u201cForum\u201d \u00a35]");
        assertThat(rows(text.getBytes(StandardCharsets.UTF_8), "a.csv", null, 1, files)).isEqualTo(expected);
        assertThat(rows(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), "a.csv", null, 1, files))
                .isEqualTo(expected);
        assertThat(rows(text.getBytes(Charset.forName("windows-1252")), "a.csv", null, 1, files)).isEqualTo(expected);
    }

    @Test
    void shouldTellAFileLongerThanOnePieceOfDecodingByItsEveryByte() {
        // Far past the pieces the encoding is checked in, with the only byte that is not UTF-8 at the end.
        String name = "\u00a3\u201c".repeat(20_000);
        List<String> expected = List.of("1 [name]", "2 [" + name + "]");
        assertThat(rows(("name\n" + name + "\n").getBytes(StandardCharsets.UTF_8), "a.csv", null, 1, files))
                .isEqualTo(expected);
        String almost = "Cafe ".repeat(20_000);
        assertThat(rows(("name\n" + almost + "\u00a3\n").getBytes(Charset.forName("windows-1252")), "a.csv", null, 1,
                files)).isEqualTo(List.of("1 [name]", "2 [" + almost + "\u00a3]"));
    }

    @Test
    void shouldTakeTheHeadingsFromTheRowGivenEvenWhenItIsEmpty() {
        byte[] csv = "Title\n\nname,status\nA,listed\n".getBytes(StandardCharsets.UTF_8);
        assertThat(rows(csv, null, null, 3, files)).containsExactly("3 [name, status]", "4 [A, listed]");
        assertThat(rows(csv, null, null, 2, files)).containsExactly("2 []", "3 [name, status]", "4 [A, listed]");
    }

    @Test
    void shouldRecogniseAWorkbookByItsContentWhateverItsName() {
        try (TableFile file = files.open(TestFiles.file(TestFiles.xlsx()), "groups.csv")) {
            assertThat(file.tables()).contains(TestFiles.SHEET);
        }
        assertThatThrownBy(() -> files.open(TestFiles.file("name,status\n".getBytes(StandardCharsets.UTF_8)), "groups.xls"))
                .isInstanceOf(UnreadableFileException.class).hasMessage("import.error.notExcel");
    }
}
