package org.sectormap.outreach;

import org.sectormap.shared.Coded;

public enum ContactOutcome implements Coded {
    NO_ANSWER, CALL_BACK_ARRANGED, DECLINED, INTERVIEW_ARRANGED, INTERVIEW_HELD, OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    /** Whether this outcome leaves a call back or an interview to keep: the morning list puts those first. */
    boolean arranges() {
        return this == CALL_BACK_ARRANGED || this == INTERVIEW_ARRANGED;
    }

    @Override
    public String messageKey() {
        return "contact.outcome." + code();
    }
}
