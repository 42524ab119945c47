package org.sectormap.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationForm;
import org.sectormap.organisation.OrganisationParser;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.Labels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a table of an uploaded file (CSV, Excel or Access) into organisations, checking every row
 * with the same {@link OrganisationParser} as the form, and collecting every problem in the table
 * rather than stopping at the first, so one upload tells the user everything to fix.
 */
@Component
class OrganisationReader {

    private static final List<OrganisationField> REQUIRED = List.of(OrganisationField.NAME, OrganisationField.STATUS);
    /** The columns a file may have, in the order the template and exports use. */
    static final List<String> COLUMNS = Arrays.stream(OrganisationField.values())
            .map(OrganisationField::column).toList();

    private final TableFiles files;
    private final OrganisationParser parser;
    private final Labels labels;
    private final MessageSource messages;

    OrganisationReader(TableFiles files, OrganisationParser parser, Labels labels, MessageSource messages) {
        this.files = files;
        this.parser = parser;
        this.labels = labels;
        this.messages = messages;
    }

    /** The sheets or tables to choose from; none for a CSV file or a file that cannot be read at all. */
    List<String> tables(Upload upload) {
        try (TableFile file = files.open(upload.file(), upload.fileName())) {
            return file.tables();
        } catch (UnreadableFileException e) {
            return List.of();
        }
    }

    /** Why the file is no table of any kind we read, or empty when it opens as one. */
    Optional<String> unreadable(Upload upload) {
        try (TableFile file = files.open(upload.file(), upload.fileName())) {
            return Optional.empty();
        } catch (UnreadableFileException e) {
            return Optional.of(message(e.key(), e.args()));
        }
    }

    /** @param mapping how to read headings and values that are not ours, or null for a file in our own columns */
    ParsedImport read(Upload upload, ColumnMapping mapping) {
        return read(upload, mapping, (row, organisation) -> { });
    }

    /** Where the rows of a file go as they are read and pass their checks. */
    interface Rows {

        /** The fields the file has columns for, once its header is read and before its first row. */
        default void fields(Set<OrganisationField> given) {
        }

        /** @param row as the user's program numbers it */
        void row(int row, OrganisationDetails organisation);
    }

    /**
     * Reads the file, handing each organisation to {@code each} with its row number as it is read
     * while the file has had no problem, so a caller storing them can store a large file without
     * holding it.
     *
     * @param mapping as for {@link #read(Upload, ColumnMapping)}
     */
    ParsedImport read(Upload upload, ColumnMapping mapping, Rows each) {
        List<Table> read = new ArrayList<>(1);
        String failed = readTable(upload, sheet -> {
            read.add(new Table(sheet, upload.headerRow(), mapping, each));
            return read.get(0);
        });
        return failed != null ? ImportProblems.only(failed) : read.get(0).parsed();
    }

    /**
     * Reads the table an upload names (its one sheet or table when it names none) into the rows
     * made for that sheet, whatever kind of record they hold.
     *
     * @param forSheet given the sheet or table read, or null for a CSV file
     * @return why the file or its sheet cannot be read, or null once it has been
     */
    String readTable(Upload upload, Function<String, TableFile.TableRows> forSheet) {
        try (TableFile file = files.open(upload.file(), upload.fileName())) {
            List<String> tables = file.tables();
            String sheet = upload.sheet() != null || tables.size() != 1 ? upload.sheet() : tables.get(0);
            if (sheet == null && !tables.isEmpty()) {
                return message("import.error.chooseSheet", String.join(", ", tables));
            }
            if (sheet != null && !tables.contains(sheet)) {
                return message("import.error.noSuchSheet", sheet);
            }
            file.read(sheet, upload.headerRow(), forSheet.apply(sheet));
            return null;
        } catch (UnreadableFileException e) {
            return message(e.key(), e.args());
        }
    }

    /**
     * The headings of the table an upload names and the distinct values under each, read as a
     * stream; no headings when the file or sheet cannot be read, which {@link #read} then explains.
     */
    FileValues values(Upload upload) {
        FileValues values = new FileValues();
        try (TableFile file = files.open(upload.file(), upload.fileName())) {
            List<String> tables = file.tables();
            String sheet = upload.sheet() != null || tables.size() != 1 ? upload.sheet() : tables.get(0);
            if (sheet == null ? tables.isEmpty() : tables.contains(sheet)) {
                file.read(sheet, upload.headerRow(), values);
            }
        } catch (UnreadableFileException e) {
            return new FileValues();
        }
        return values;
    }

    /** One table as it is read: its columns once the header has passed, then each row checked. */
    private final class Table implements TableFile.TableRows {

        private final String sheet;
        private final int headerRow;
        private final ImportProblems problems;
        private final ColumnMapping mapping;
        private final Map<OrganisationField, FileValues.Codes> codes = new EnumMap<>(OrganisationField.class);
        private final Rows each;
        private final List<OrganisationDetails> firstRows = new ArrayList<>();
        private final Map<OutreachStatus, Long> byStatus = new TreeMap<>();
        private int rows;
        private Map<OrganisationField, Integer> columns;
        private List<String> headings = List.of();
        private boolean headerFailed;

        Table(String sheet, int headerRow, ColumnMapping mapping, Rows each) {
            this.sheet = sheet;
            this.headerRow = headerRow;
            this.problems = new ImportProblems(sheet);
            this.mapping = mapping;
            this.each = each;
            if (mapping != null) {
                mapping.values().forEach((column, byValue) -> OrganisationField.fromColumn(column)
                        .ifPresent(field -> codes.put(field, new FileValues.Codes(byValue))));
            }
        }

        @Override
        public void header(Integer row, List<String> headings) {
            this.headings = headings;
            if (headings.stream().allMatch(String::isBlank)) {
                problems.add(row, null, () -> message("import.error.blankHeaderRow", headerRow));
                columns = Map.of();
            } else {
                columns = mapping == null ? columns(row, headings) : mapped(row, headings);
            }
            headerFailed = problems.any();
            if (!headerFailed) {
                each.fields(columns.isEmpty() ? EnumSet.noneOf(OrganisationField.class) : EnumSet.copyOf(columns.keySet()));
            }
        }

        @Override
        public void row(int row, List<String> cells) {
            // Once the header has failed, the rows' problems would only be noise.
            if (headerFailed || cells.stream().allMatch(String::isBlank)) {
                return;
            }
            int named = headings.size();
            if (cells.size() > named) {
                problems.add(row, null, () -> message("import.error.tooManyCells", cells.size(), named));
                return;
            }
            Map<OrganisationField, Integer> at = columns;
            // Mapped values become codes before the parser sees them, so every check stays the parser's.
            OrganisationForm form = OrganisationForm.from(field -> codes.containsKey(field)
                    ? codes.get(field).code(cell(cells, at.get(field))) : cell(cells, at.get(field)), null);
            OrganisationParser.Result result = parser.parse(form);
            result.problems().forEach(p -> {
                OrganisationField field = OrganisationField.fromProperty(p.field()).orElseThrow();
                problems.add(row, at.containsKey(field) ? headings.get(at.get(field)).strip() : field.column(),
                        () -> labels.message(p));
            });
            // Once the file has failed its good rows are of no use, so they are not counted or passed on.
            if (!problems.any()) {
                OrganisationDetails details = result.details();
                if (firstRows.size() < ParsedImport.FIRST_ROWS) {
                    firstRows.add(details);
                }
                byStatus.merge(details.status(), 1L, Long::sum);
                rows++;
                each.row(row, details);
            }
        }

        ParsedImport parsed() {
            if (columns == null) {
                problems.add(null, null, () -> headerRow > Upload.FIRST_ROW
                        ? message("import.error.blankHeaderRow", headerRow) : empty());
            } else if (rows == 0 && !problems.any()) {
                problems.add(null, null, this::empty);
            }
            return problems.parsed(firstRows, rows, byStatus);
        }

        private String empty() {
            return sheet == null ? message("import.error.empty") : message("import.error.emptySheet", sheet);
        }

        /** Where each known column is, or problems for every unknown, repeated or missing one. */
        private Map<OrganisationField, Integer> columns(Integer row, List<String> headings) {
            Map<OrganisationField, Integer> found = new EnumMap<>(OrganisationField.class);
            for (int i = 0; i < headings.size(); i++) {
                String heading = headings.get(i).strip();
                Optional<OrganisationField> field = OrganisationField.fromColumn(heading);
                int number = i + 1;
                if (heading.isEmpty()) {
                    problems.add(row, null, () -> message("import.error.blankHeading", number));
                } else if (field.isEmpty()) {
                    problems.unknownColumn(row, heading,
                            () -> message("import.error.unknownColumn", ImportProblems.column(heading)));
                } else if (found.putIfAbsent(field.get(), i) != null) {
                    problems.add(row, heading, () -> message("import.error.repeatedColumn", heading));
                }
            }
            required(row, found, "import.error.missingColumn");
            return found;
        }

        /**
         * Where each mapped field is: headings mapped to nothing, blank or not in the mapping are
         * ignored columns, not errors. A heading is found as written, then in any case.
         */
        private Map<OrganisationField, Integer> mapped(Integer row, List<String> headings) {
            Map<OrganisationField, Integer> found = new EnumMap<>(OrganisationField.class);
            for (int i = 0; i < headings.size(); i++) {
                String heading = headings.get(i).strip();
                Optional<OrganisationField> field = FileValues.mappedTo(mapping.columns(), heading)
                        .flatMap(OrganisationField::fromColumn);
                if (field.isPresent() && found.putIfAbsent(field.get(), i) != null) {
                    problems.add(row, heading, () -> message("import.error.repeatedMapping", heading,
                            field.get().column()));
                }
            }
            required(row, found, "import.error.unmappedColumn");
            return found;
        }

        private void required(Integer row, Map<OrganisationField, Integer> found, String key) {
            for (OrganisationField field : REQUIRED) {
                if (!found.containsKey(field)) {
                    problems.add(row, field.column(), () -> message(key, field.column()));
                }
            }
        }
    }

    /** Short rows: spreadsheets leave off trailing empty cells, so those are just empty values. */
    private static String cell(List<String> cells, Integer column) {
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
