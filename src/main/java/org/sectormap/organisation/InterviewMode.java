package org.sectormap.organisation;

import org.sectormap.shared.Coded;

public enum InterviewMode implements Coded {
    VISIT, TELEPHONE;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "mode." + code();
    }
}
