package org.sectormap.account;

import org.sectormap.shared.NotFoundException;

/** Setup once someone exists, or from another machine: as if there were no such page. */
class SetupDoneException extends NotFoundException {

    SetupDoneException() {
        super("error.notFound.setup");
    }
}
