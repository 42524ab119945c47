package org.sectormap.outreach;

import org.sectormap.shared.Coded;

public enum ContactOutcome implements Coded {
    NO_ANSWER, CALL_BACK_ARRANGED, DECLINED, INTERVIEW_ARRANGED, INTERVIEW_HELD, OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "contact.outcome." + code();
    }
}
