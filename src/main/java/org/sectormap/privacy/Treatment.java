package org.sectormap.privacy;

import org.sectormap.shared.Coded;

/** What an erasure does to a value that mentions the person. */
public enum Treatment implements Coded {
    /** A value about the person alone (a contact's name, an interviewee's role): emptied. */
    CLEARED,
    /** Free text that mentions the person (a note, an answer): each mention replaced. */
    REDACTED,
    /** A consent record naming the person: deleted. */
    DELETED,
    /** An earlier value in the audit trail: overwritten with "erased on" the date. */
    OVERWRITTEN,
    /** An organisation's name, which is about the organisation: kept. */
    KEPT;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "privacy.treatment." + code();
    }
}
