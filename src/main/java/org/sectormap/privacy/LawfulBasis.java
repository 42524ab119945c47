package org.sectormap.privacy;

import org.sectormap.shared.Coded;

/** The lawful bases of UK GDPR Article 6(1) for keeping a person's data. */
public enum LawfulBasis implements Coded {
    CONSENT, LEGITIMATE_INTERESTS, PUBLIC_TASK, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "basis." + code();
    }
}
