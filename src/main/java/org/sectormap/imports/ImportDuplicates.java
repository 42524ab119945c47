package org.sectormap.imports;

import java.util.ArrayList;
import java.util.List;

import org.sectormap.organisation.DuplicateFinder;
import org.sectormap.organisation.DuplicateReason;
import org.sectormap.organisation.OrganisationDetails;
import org.springframework.stereotype.Component;

/**
 * The rows of a file that are probably organisations the register already has, or earlier rows of
 * the same file, found as the file streams past a chunk at a time, so a large file is never held.
 */
@Component
class ImportDuplicates {

    /** The most listed; the rest are counted. */
    static final int SHOWN = 200;
    /** Rows looked up together; a row is compared with earlier rows of the file in its own chunk only. */
    static final int CHUNK = 5_000;

    private final OrganisationReader reader;
    private final DuplicateFinder finder;

    ImportDuplicates(OrganisationReader reader, DuplicateFinder finder) {
        this.reader = reader;
        this.finder = finder;
    }

    /**
     * One likely duplicate, as the preview and the API's dry run name it.
     *
     * @param row          as the spreadsheet numbers it
     * @param existingId   the organisation in the register it probably is, or null
     * @param sameAsRow    else the earlier row of the file it probably repeats
     */
    record Duplicate(int row, String name, Long existingId, String existingName, Integer sameAsRow,
            DuplicateReason reason) {
    }

    record Found(List<Duplicate> shown, int total) {
    }

    /** The file's check and, when it passes, its likely duplicates, from the one read of the file. */
    record Checked(ParsedImport parsed, Found duplicates) {
    }

    Checked check(Upload upload, ColumnMapping mapping) {
        Chunks chunks = new Chunks();
        ParsedImport parsed = reader.read(upload, mapping, chunks::add);
        if (!parsed.valid()) {
            return new Checked(parsed, new Found(List.of(), 0));
        }
        chunks.flush();
        return new Checked(parsed, new Found(List.copyOf(chunks.shown), chunks.total));
    }

    private final class Chunks {

        private final List<Integer> rows = new ArrayList<>(CHUNK);
        private final List<OrganisationDetails> organisations = new ArrayList<>(CHUNK);
        private final List<Duplicate> shown = new ArrayList<>();
        private int total;

        void add(int row, OrganisationDetails organisation) {
            rows.add(row);
            organisations.add(organisation);
            if (rows.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            for (DuplicateFinder.LikelyDuplicate likely : finder.find(organisations)) {
                total++;
                if (shown.size() < SHOWN) {
                    shown.add(new Duplicate(rows.get(likely.index()), organisations.get(likely.index()).name(),
                            likely.inRegister() ? likely.existing().id() : null,
                            likely.inRegister() ? likely.existing().details().name() : null,
                            likely.inRegister() ? null : rows.get(likely.earlier()), likely.reason()));
                }
            }
            rows.clear();
            organisations.clear();
        }
    }
}
