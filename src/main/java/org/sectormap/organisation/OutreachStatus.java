package org.sectormap.organisation;

import org.sectormap.shared.Coded;

/** Where an organisation ended up in the contact funnel. */
public enum OutreachStatus implements Coded {
    INTERVIEWED, LISTED, EXCLUDED, UNREACHABLE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "status." + code();
    }

}
