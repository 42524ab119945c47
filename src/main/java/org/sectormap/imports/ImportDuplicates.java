package org.sectormap.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.sectormap.organisation.DuplicateFinder;
import org.sectormap.organisation.DuplicateReason;
import org.sectormap.organisation.EarlierRecords;
import org.sectormap.organisation.ImportUpdate;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The rows of a file that are probably organisations the register already has, or earlier rows of
 * the same file, anywhere before them, found as the file streams past a chunk at a time, so a large
 * file is never held: the earlier rows are kept compactly in one {@link EarlierRecords} for the file.
 */
@Component
class ImportDuplicates {

    /** The most listed; the rest are counted. */
    static final int SHOWN = 200;
    /** Rows looked up in the register together. */
    static final int CHUNK = 5_000;

    private final OrganisationReader reader;
    private final DuplicateFinder finder;
    private final OrganisationService organisations;

    ImportDuplicates(OrganisationReader reader, DuplicateFinder finder, OrganisationService organisations) {
        this.reader = reader;
        this.finder = finder;
        this.organisations = organisations;
    }

    /**
     * One likely duplicate, as the preview and the API's dry run name it.
     *
     * @param row          as the spreadsheet numbers it
     * @param existingId   the organisation in the register it probably is, or null
     * @param sameAsRow    else the earlier row of the file it probably repeats
     * @param update       what updating the organisation in the register with the row would do, or null
     */
    record Duplicate(int row, String name, Long existingId, String existingName, Integer sameAsRow,
            DuplicateReason reason, @JsonIgnore ImportUpdate update) {

        /** For the API: the fields updating would change, or null for a row repeating an earlier one. */
        @JsonProperty("changes")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<ImportUpdate.Change> changes() {
            return update == null ? null : update.changes();
        }

        /** For the API: updating would leave the record breaking the rules, so it cannot be chosen. */
        @JsonProperty("updateRefused")
        boolean updateRefused() {
            return update != null && !update.valid();
        }
    }

    record Found(List<Duplicate> shown, int total) {
    }

    /** The file's check and, when it passes, its likely duplicates, from the one read of the file. */
    record Checked(ParsedImport parsed, Found duplicates) {
    }

    Checked check(Upload upload, ColumnMapping mapping) {
        Chunks chunks = new Chunks();
        ParsedImport parsed = reader.read(upload, mapping, chunks);
        if (!parsed.valid()) {
            return new Checked(parsed, new Found(List.of(), 0));
        }
        chunks.flush();
        return new Checked(parsed, new Found(List.copyOf(chunks.shown), chunks.total));
    }

    private final class Chunks implements OrganisationReader.Rows {

        private final List<OrganisationDetails> candidates = new ArrayList<>(CHUNK);
        private final List<Duplicate> shown = new ArrayList<>();
        private final EarlierRecords earlier = new EarlierRecords();
        /** The spreadsheet's number of each row read, in order (4 bytes a row): they may skip some. */
        private int[] numbers = new int[CHUNK];
        private int counted;
        private Set<OrganisationField> given = Set.of();
        private int total;

        @Override
        public void fields(Set<OrganisationField> fields) {
            given = fields;
        }

        @Override
        public void row(int row, OrganisationDetails organisation) {
            if (counted == numbers.length) {
                numbers = Arrays.copyOf(numbers, counted + (counted >> 1));
            }
            numbers[counted++] = row;
            candidates.add(organisation);
            if (candidates.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            int first = counted - candidates.size();
            for (DuplicateFinder.LikelyDuplicate likely : finder.find(candidates, earlier)) {
                total++;
                if (shown.size() < SHOWN) {
                    OrganisationDetails candidate = candidates.get(likely.index());
                    Organisation existing = likely.existing();
                    shown.add(new Duplicate(numbers[first + likely.index()], candidate.name(),
                            existing == null ? null : existing.id(),
                            existing == null ? null : existing.details().name(),
                            existing == null ? numbers[likely.earlier()] : null, likely.reason(),
                            existing == null ? null : organisations.updateFor(existing, candidate, given)));
                }
            }
            candidates.clear();
        }
    }
}
