package org.sectormap.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.sectormap.organisation.DuplicateFinder;
import org.sectormap.organisation.MappableField;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationForm;
import org.sectormap.organisation.OrganisationParser;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.ContactAttemptForm;
import org.sectormap.outreach.OutreachService;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Component;

/**
 * Reads a table of the research record (contact attempts, or the interview fields of organisations'
 * records), each row naming an organisation the register has by its Sector Map id or its name, and
 * checks every row with the rules the pages use: {@code ContactAttemptRules} through
 * {@link OutreachService#check}, and the record's own {@link OrganisationParser} over the record as
 * stored with the file's columns put in. Every problem in the table is collected, by row and heading.
 */
@Component
class ResearchReader {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final OrganisationReader tables;
    private final ColumnMappings mappings;
    private final OrganisationService organisations;
    private final DuplicateFinder finder;
    private final OutreachService outreach;
    private final OrganisationParser parser;
    private final Labels labels;

    ResearchReader(OrganisationReader tables, ColumnMappings mappings, OrganisationService organisations,
            DuplicateFinder finder, OutreachService outreach, OrganisationParser parser, Labels labels) {
        this.tables = tables;
        this.mappings = mappings;
        this.organisations = organisations;
        this.finder = finder;
        this.outreach = outreach;
        this.parser = parser;
        this.labels = labels;
    }

    /** An organisation's record with the file's interview fields put in, checked, and the version it was read at. */
    record InterviewUpdate(long organisationId, int version, OrganisationDetails details) {
    }

    /** A row as the preview shows it: the organisation it names and the value of each field read. */
    record Row(int row, long organisationId, String organisationName, List<String> values) {
    }

    /**
     * What a read of a file found: what to store when it is clean, else its problems.
     *
     * @param fields    the labels of the fields read besides the organisation, in the order of {@link Row#values}
     * @param firstRows the first {@value ParsedImport#FIRST_ROWS} rows, for the preview
     */
    record Read(ImportKind kind, List<String> fields, List<Row> firstRows, int rows,
            List<OutreachService.TypedAttempt> attempts, List<InterviewUpdate> updates,
            List<ImportProblem> problems, int totalProblems) {

        boolean valid() {
            return totalProblems == 0;
        }
    }

    /** @param mapping how to read the file's headings and values */
    Read read(ImportKind kind, Upload upload, ColumnMapping mapping) {
        List<Sheet> read = new ArrayList<>(1);
        String failed = tables.readTable(upload, sheet -> {
            read.add(new Sheet(kind, sheet, upload.headerRow(), mapping));
            return read.get(0);
        });
        if (failed != null) {
            return new Read(kind, List.of(), List.of(), 0, List.of(), List.of(),
                    List.of(new ImportProblem(null, null, null, failed)), 1);
        }
        return read.get(0).read();
    }

    /** One table as it is read. */
    private final class Sheet implements TableFile.TableRows {

        private final ImportKind kind;
        private final ImportFields fields;
        private final int headerRow;
        private final ColumnMapping mapping;
        private final ImportProblems problems;
        private final Map<MappableField, FileValues.Codes> codes = new HashMap<>();
        private final Map<MappableField, Integer> at = new LinkedHashMap<>();
        private final Map<Long, Optional<Organisation>> byId = new HashMap<>();
        private final Map<String, List<Long>> byName = new HashMap<>();
        private final Set<Long> named = new HashSet<>();
        private final List<Row> firstRows = new ArrayList<>();
        private final List<OutreachService.TypedAttempt> attempts = new ArrayList<>();
        private final List<InterviewUpdate> updates = new ArrayList<>();
        private List<String> headings;
        private boolean headerFailed;
        private int rows;

        Sheet(ImportKind kind, String sheet, int headerRow, ColumnMapping mapping) {
            this.kind = kind;
            this.fields = kind.fields();
            this.headerRow = headerRow;
            this.mapping = mapping;
            this.problems = new ImportProblems(sheet);
            mapping.values().forEach((column, byValue) -> fields.fromColumn(column)
                    .ifPresent(field -> codes.put(field, new FileValues.Codes(byValue))));
        }

        @Override
        public void header(Integer row, List<String> found) {
            headings = found.stream().map(String::strip).toList();
            if (headings.stream().allMatch(String::isEmpty)) {
                problems.add(row, null, () -> tables.message("import.error.blankHeaderRow", headerRow));
                headerFailed = true;
                return;
            }
            Map<String, String> columns = mapping.columns();
            for (int i = 0; i < headings.size(); i++) {
                String heading = headings.get(i);
                Optional<MappableField> field = FileValues.mappedTo(columns, heading).flatMap(fields::fromColumn);
                if (field.isPresent() && at.putIfAbsent(field.get(), i) != null) {
                    problems.add(row, heading, () -> tables.message("import.error.repeatedMapping", heading,
                            field.get().column()));
                }
            }
            if (!at.containsKey(ResearchField.ORGANISATION_ID) && !at.containsKey(ResearchField.ORGANISATION)) {
                problems.add(row, ResearchField.ORGANISATION.column(), () -> tables.message(
                        "research.error.noOrganisationColumn", ResearchField.ORGANISATION_ID.column(),
                        ResearchField.ORGANISATION.column()));
            }
            if (kind == ImportKind.CONTACT_ATTEMPTS) {
                for (ResearchField needed : List.of(ResearchField.ATTEMPTED_ON, ResearchField.METHOD,
                        ResearchField.OUTCOME)) {
                    if (!at.containsKey(needed)) {
                        problems.add(row, needed.column(), () -> tables.message("research.error.unmappedColumn",
                                needed.column()));
                    }
                }
            } else if (at.keySet().stream().allMatch(f -> f instanceof ResearchField r && r.names())) {
                problems.add(row, null, () -> tables.message("research.error.nothingToChange"));
            }
            headerFailed = problems.any();
        }

        @Override
        public void row(int row, List<String> cells) {
            // Once the header has failed, the rows' problems would only be noise.
            if (headerFailed || cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (cells.size() > headings.size()) {
                problems.add(row, null, () -> tables.message("import.error.tooManyCells", cells.size(),
                        headings.size()));
                return;
            }
            Organisation organisation = organisation(row, cells);
            List<Problem> found;
            if (kind == ImportKind.CONTACT_ATTEMPTS) {
                ContactAttemptForm form = new ContactAttemptForm(cell(cells, ResearchField.ATTEMPTED_ON),
                        cell(cells, ResearchField.METHOD), cell(cells, ResearchField.OUTCOME),
                        cell(cells, ResearchField.NOTE), cell(cells, ResearchField.DUE_ON));
                found = outreach.check(form);
                report(row, found);
                if (organisation != null && found.isEmpty() && !problems.any()) {
                    attempts.add(new OutreachService.TypedAttempt(organisation.id(), form));
                }
            } else {
                if (organisation == null) {
                    return;
                }
                if (!named.add(organisation.id())) {
                    problems.add(row, namingHeading(), () -> tables.message("research.error.repeatedOrganisation",
                            organisation.details().name(), organisation.id()));
                    return;
                }
                OrganisationForm stored = OrganisationForm.of(organisation);
                // A blank cell, like a column the file lacks, leaves the record's own value: "not known" here.
                OrganisationParser.Result result = parser.parse(OrganisationForm.from(field -> {
                    String typed = at.containsKey(field) ? cell(cells, field) : null;
                    return typed == null || typed.isBlank() ? stored.value(field) : typed;
                }, organisation.version()));
                found = result.problems();
                report(row, found);
                if (found.isEmpty() && !problems.any()) {
                    updates.add(new InterviewUpdate(organisation.id(), organisation.version(), result.details()));
                }
            }
            // Once the file has failed its good rows are of no use, so they are not counted or kept.
            if (organisation != null && found.isEmpty() && !problems.any()) {
                rows++;
                if (firstRows.size() < ParsedImport.FIRST_ROWS) {
                    firstRows.add(new Row(row, organisation.id(), organisation.details().name(), shown().stream()
                            .map(field -> shown(field, cell(cells, field))).toList()));
                }
            }
        }

        /** The organisation a row names, by id when it gives one, else by name; null with a problem when none. */
        private Organisation organisation(int row, List<String> cells) {
            String id = cell(cells, ResearchField.ORGANISATION_ID);
            String name = cell(cells, ResearchField.ORGANISATION);
            if (id != null && !id.isBlank()) {
                String heading = heading(ResearchField.ORGANISATION_ID);
                if (!ID.matcher(id.strip()).matches()) {
                    problems.add(row, heading, () -> tables.message("research.error.badId", id.strip()));
                    return null;
                }
                long wanted = Long.parseLong(id.strip());
                Optional<Organisation> found = byId.computeIfAbsent(wanted, organisations::find);
                if (found.isEmpty()) {
                    problems.add(row, heading, () -> tables.message("research.error.unknownId", id.strip()));
                } else if (name != null && !name.isBlank()
                        && !byName.computeIfAbsent(name.strip(), n -> finder.named(List.of(n)).get(n)).contains(wanted)) {
                    // Two ways of naming the record that disagree: either may be the slip, so neither is taken.
                    problems.add(row, heading, () -> tables.message("research.error.idAndName", wanted,
                            found.get().details().name(), name.strip()));
                    return null;
                }
                return found.orElse(null);
            }
            if (name == null || name.isBlank()) {
                problems.add(row, namingHeading(), () -> tables.message("research.error.noOrganisation"));
                return null;
            }
            String heading = heading(ResearchField.ORGANISATION);
            List<Long> ids = byName.computeIfAbsent(name.strip(), n -> finder.named(List.of(n)).get(n));
            if (ids.isEmpty()) {
                problems.add(row, heading, () -> tables.message("research.error.unknownName", name.strip()));
                return null;
            }
            if (ids.size() > 1) {
                problems.add(row, heading, () -> tables.message("research.error.ambiguousName", name.strip(),
                        ids.size(), String.join(", ", ids.stream().map(String::valueOf).toList())));
                return null;
            }
            return byId.computeIfAbsent(ids.get(0), organisations::find).orElse(null);
        }

        /** Each problem under the heading of the field it is about, or the field's column when the file has none. */
        private void report(int row, List<Problem> found) {
            for (Problem p : found) {
                Optional<MappableField> field = fields.fields().stream()
                        .filter(f -> f.property().equals(p.field())).findFirst();
                String column = field.map(this::heading).orElseGet(() -> OrganisationField.fromProperty(p.field())
                        .map(OrganisationField::column).orElse(p.field()));
                problems.add(row, column, () -> labels.message(p));
            }
        }

        /** A mapped field's cell with its value mapped: empty for a short row, null for a field not read. */
        private String cell(List<String> cells, MappableField field) {
            Integer column = at.get(field);
            if (column == null) {
                return null;
            }
            String cell = column < cells.size() ? cells.get(column) : "";
            return codes.containsKey(field) ? codes.get(field).code(cell) : cell;
        }

        /** A coded cell by its label, as the record page shows it; another as it is. */
        private String shown(MappableField field, String cell) {
            return ColumnMappings.coded(field) && mappings.codes(field).contains(cell) ? mappings.label(field, cell)
                    : cell;
        }

        private String heading(MappableField field) {
            Integer column = at.get(field);
            return column == null ? field.column() : headings.get(column);
        }

        /** The heading naming the organisation: the id's when the file has one. */
        private String namingHeading() {
            return heading(at.containsKey(ResearchField.ORGANISATION_ID) ? ResearchField.ORGANISATION_ID
                    : ResearchField.ORGANISATION);
        }

        /** The fields read besides the organisation, in the order of the kind's fields. */
        private List<MappableField> shown() {
            return fields.fields().stream().filter(f -> at.containsKey(f))
                    .filter(f -> !(f instanceof ResearchField r && r.names())).toList();
        }

        Read read() {
            if (headings == null) {
                problems.add(null, null, () -> headerRow > Upload.FIRST_ROW
                        ? tables.message("import.error.blankHeaderRow", headerRow)
                        : tables.message("research.error.empty"));
            } else if (rows == 0 && !problems.any()) {
                problems.add(null, null, () -> tables.message("research.error.empty"));
            }
            if (problems.any()) {
                return new Read(kind, List.of(), List.of(), 0, List.of(), List.of(), problems.shown(),
                        problems.total());
            }
            return new Read(kind, shown().stream().map(f -> labels.field(f.property())).toList(),
                    List.copyOf(firstRows), rows, List.copyOf(attempts), List.copyOf(updates), List.of(), 0);
        }
    }
}
