package org.sectormap.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

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
        try (TableFile file = files.open(upload.content(), upload.fileName())) {
            return file.tables();
        } catch (UnreadableFileException e) {
            return List.of();
        }
    }

    ParsedImport read(Upload upload) {
        return read(upload, organisation -> { });
    }

    /**
     * Reads the file, handing each organisation to {@code each} as it is read while the file has
     * had no problem, so a caller storing them can store a large file without holding it.
     */
    ParsedImport read(Upload upload, Consumer<OrganisationDetails> each) {
        try (TableFile file = files.open(upload.content(), upload.fileName())) {
            List<String> tables = file.tables();
            String sheet = upload.sheet() != null || tables.size() != 1 ? upload.sheet() : tables.get(0);
            if (sheet == null && !tables.isEmpty()) {
                return ImportProblems.only(message("import.error.chooseSheet", String.join(", ", tables)));
            }
            if (sheet != null && !tables.contains(sheet)) {
                return ImportProblems.only(message("import.error.noSuchSheet", sheet));
            }
            Table table = new Table(sheet, upload.headerRow(), each);
            file.read(sheet, upload.headerRow(), table);
            return table.parsed();
        } catch (UnreadableFileException e) {
            return ImportProblems.only(message(e.key(), e.args()));
        }
    }

    /** One table as it is read: its columns once the header has passed, then each row checked. */
    private final class Table implements TableFile.TableRows {

        private final String sheet;
        private final int headerRow;
        private final ImportProblems problems;
        private final Consumer<OrganisationDetails> each;
        private final List<OrganisationDetails> firstRows = new ArrayList<>();
        private final Map<OutreachStatus, Long> byStatus = new TreeMap<>();
        private int rows;
        private Map<OrganisationField, Integer> columns;
        private List<String> headings = List.of();
        private boolean headerFailed;

        Table(String sheet, int headerRow, Consumer<OrganisationDetails> each) {
            this.sheet = sheet;
            this.headerRow = headerRow;
            this.problems = new ImportProblems(sheet);
            this.each = each;
        }

        @Override
        public void header(Integer row, List<String> headings) {
            this.headings = headings;
            if (headings.stream().allMatch(String::isBlank)) {
                problems.add(row, null, () -> message("import.error.blankHeaderRow", headerRow));
                columns = Map.of();
            } else {
                columns = columns(row, headings);
            }
            headerFailed = problems.any();
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
            OrganisationForm form = OrganisationForm.from(field -> cell(cells, at.get(field)), null);
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
                each.accept(details);
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
            for (OrganisationField field : REQUIRED) {
                if (!found.containsKey(field)) {
                    problems.add(row, field.column(), () -> message("import.error.missingColumn", field.column()));
                }
            }
            return found;
        }
    }

    /** Short rows: spreadsheets leave off trailing empty cells, so those are just empty values. */
    private static String cell(List<String> cells, Integer column) {
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
