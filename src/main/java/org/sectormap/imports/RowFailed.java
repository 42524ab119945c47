package org.sectormap.imports;

/**
 * Carries a failure of the code the rows were handed to (storing them, a cancellation) through a file's
 * reader, so that it is not taken for a damaged file.
 */
final class RowFailed extends RuntimeException {

    RowFailed(RuntimeException cause) {
        super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
