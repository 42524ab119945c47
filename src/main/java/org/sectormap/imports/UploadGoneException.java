package org.sectormap.imports;

/**
 * A waiting upload's file went between looking it up and reading it: dropped to make room for others,
 * or past its expiry. The user is asked for the file again, as when it had gone before the look-up.
 */
class UploadGoneException extends RuntimeException {

    UploadGoneException() {
        super(null, null, false, false);
    }
}
