package org.sectormap.backup;

import org.sectormap.shared.Explained;

/** A backup that cannot be restored here, and why, in words for the administrator; nothing has changed. */
class BackupRefusedException extends Explained {

    BackupRefusedException(String key, Object... args) {
        super(key, args);
    }
}
