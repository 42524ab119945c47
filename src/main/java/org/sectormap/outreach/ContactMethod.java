package org.sectormap.outreach;

import org.sectormap.shared.Coded;

public enum ContactMethod implements Coded {
    TELEPHONE, VISIT, EMAIL, LETTER, OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "contact.method." + code();
    }
}
