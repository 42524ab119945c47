package org.sectormap.imports;

import java.time.LocalDateTime;

/**
 * An import storing its rows, or one that has finished, as its progress page and the API show it.
 *
 * @param fileName  as uploaded, or null for a body sent to the API
 * @param startedBy the signed-in person's email, or null when nobody was
 * @param message   the key of the message saying why a failed import failed; null otherwise
 */
record ImportJob(long id, Status status, String fileName, int totalRows, int rowsChecked, int rowsStored,
        boolean cancelRequested, String message, String startedBy, LocalDateTime startedAt,
        LocalDateTime finishedAt) {

    enum Status {
        RUNNING, DONE, FAILED, CANCELLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** As failed, for the given reason: a job marked running whose thread is known to have stopped. */
    ImportJob stopped(String why) {
        return new ImportJob(id, Status.FAILED, fileName, totalRows, rowsChecked, rowsStored, cancelRequested, why,
                startedBy, startedAt, finishedAt);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** How far storing has gone, in whole percent; a job counts its rows before it starts, so never divides by 0. */
    public int percentStored() {
        return totalRows == 0 ? 100 : (int) (100L * rowsStored / totalRows);
    }
}
