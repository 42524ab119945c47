package org.sectormap.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sectormap.shared.Labels;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationForm;
import org.sectormap.organisation.OrganisationParser;
import org.sectormap.shared.SpreadsheetText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a spreadsheet's CSV export into organisations, checking every row with the same
 * {@link OrganisationParser} as the form, and collecting every problem in the file rather than
 * stopping at the first, so one upload tells the user everything to fix.
 */
@Component
class OrganisationCsvReader {

    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");
    private static final List<OrganisationField> REQUIRED = List.of(OrganisationField.NAME, OrganisationField.STATUS);
    /** The columns a file may have, in the order the template and exports use. */
    static final List<String> COLUMNS = Arrays.stream(OrganisationField.values())
            .map(OrganisationField::column).toList();

    private final OrganisationParser parser;
    private final Labels labels;
    private final MessageSource messages;

    OrganisationCsvReader(OrganisationParser parser, Labels labels, MessageSource messages) {
        this.parser = parser;
        this.labels = labels;
        this.messages = messages;
    }

    ParsedImport read(byte[] bytes) {
        Optional<String> text = decode(bytes);
        if (text.isEmpty()) {
            return ImportProblems.only(message("import.error.notUtf8"));
        }
        try (CSVParser csv = CSVFormat.RFC4180.parse(new StringReader(text.get()))) {
            return read(csv);
        } catch (IOException | UncheckedIOException e) {
            return ImportProblems.only(unreadable(e));
        }
    }

    private ParsedImport read(CSVParser csv) {
        ImportProblems problems = new ImportProblems();
        List<OrganisationDetails> organisations = new ArrayList<>();
        Map<OrganisationField, Integer> columns = null;
        List<String> headings = List.of();
        for (CSVRecord record : csv) {
            int row = (int) record.getRecordNumber();
            if (columns == null) {
                headings = record.toList();
                columns = header(headings, problems);
                if (problems.any()) {
                    return problems.parsed(List.of());
                }
                continue;
            }
            if (blank(record)) {
                continue;
            }
            int cells = record.size();
            int named = headings.size();
            if (cells > named) {
                problems.add(row, null, () -> message("import.error.tooManyCells", cells, named));
                continue;
            }
            Map<OrganisationField, Integer> at = columns;
            OrganisationForm form = OrganisationForm.from(field -> cell(record, at.get(field)), null);
            OrganisationParser.Result result = parser.parse(form);
            List<String> heads = headings;
            result.problems().forEach(p -> {
                OrganisationField field = OrganisationField.fromProperty(p.field()).orElseThrow();
                problems.add(row, at.containsKey(field) ? heads.get(at.get(field)).strip() : field.column(),
                        () -> labels.message(p));
            });
            // Once the file has failed its good rows are of no use, so they are not held.
            if (problems.any()) {
                organisations.clear();
            } else {
                organisations.add(result.details());
            }
        }
        if (columns == null || (organisations.isEmpty() && !problems.any())) {
            problems.add(null, null, () -> message("import.error.empty"));
        }
        return problems.parsed(organisations);
    }

    /** Where each known column is, or problems for every unknown, repeated or missing one. */
    private Map<OrganisationField, Integer> header(List<String> headings, ImportProblems problems) {
        Map<OrganisationField, Integer> columns = new EnumMap<>(OrganisationField.class);
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i).strip();
            Optional<OrganisationField> field = OrganisationField.fromColumn(heading);
            int number = i + 1;
            if (heading.isEmpty()) {
                problems.add(1, null, () -> message("import.error.blankHeading", number));
            } else if (field.isEmpty()) {
                problems.unknownColumn(heading,
                        () -> message("import.error.unknownColumn", ImportProblems.column(heading)));
            } else if (columns.putIfAbsent(field.get(), i) != null) {
                problems.add(1, heading, () -> message("import.error.repeatedColumn", heading));
            }
        }
        for (OrganisationField field : REQUIRED) {
            if (!columns.containsKey(field)) {
                problems.add(1, field.column(), () -> message("import.error.missingColumn", field.column()));
            }
        }
        return columns;
    }

    private static String cell(CSVRecord record, Integer column) {
        // Spreadsheets leave off trailing empty cells, so a short row just has empty values.
        if (column == null || column >= record.size()) {
            return null;
        }
        return SpreadsheetText.unguard(record.get(column));
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Strict UTF-8, so a file saved in another encoding is refused rather than garbled; a BOM is dropped. */
    private static Optional<String> decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Commons CSV names the line a quote was left open on; that is the one thing the user can act on. */
    private String unreadable(Exception e) {
        Matcher line = START_LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? message("import.error.unclosedQuote", Integer.parseInt(line.group(1)))
                : message("import.error.unreadable");
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
