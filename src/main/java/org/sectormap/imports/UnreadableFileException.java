package org.sectormap.imports;

/** A file that cannot be read as a table at all: the message key says why in terms the user can act on. */
class UnreadableFileException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    UnreadableFileException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
